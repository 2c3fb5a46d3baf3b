import { createHash } from "node:crypto";

/**
 * Physical names derived from project and stack. AWS limits differ per service, so each
 * builder enforces the limit of the name it makes; long project or stack names are shortened
 * with a hash suffix that keeps them unique instead of failing at deploy time.
 */
export class ResourceNames {
    /** Lowercase, hyphenated `<project>-<stack>` used as the base of every physical name. */
    readonly prefix: string;

    constructor(
        readonly project: string,
        readonly stack: string,
        private readonly accountId: string,
        private readonly region: string,
    ) {
        this.prefix = slug(`${project}-${stack}`);
    }

    /**
     * A bucket name valid under S3's rules (3-63 chars, lowercase letters, digits and hyphens,
     * starting and ending alphanumeric) and globally unique: the account and region go into a
     * hash suffix, because bucket names are shared by every AWS account.
     */
    bucket(purpose: string): string {
        const suffix = shortHash(`${this.accountId}:${this.region}:${this.project}:${this.stack}:${purpose}`, 8);
        return fit([this.prefix, slug(purpose)], suffix, 63);
    }

    /** Log group names live under one prefix per stack, which the logs key policy names. */
    logGroup(purpose: string): string {
        return `${this.logGroupPrefix}${slug(purpose)}`;
    }

    get logGroupPrefix(): string {
        return `/${this.prefix}/`;
    }

    /** Glue Data Catalog names (databases, tables): lowercase letters, digits and underscores only. */
    catalog(purpose: string): string {
        return `${this.catalogPrefix}${slug(purpose).replace(/-/g, "_")}`;
    }

    /** The start of every Glue Data Catalog name of the stack, `<project>_<stack>_`. */
    get catalogPrefix(): string {
        return `${this.prefix.replace(/-/g, "_")}_`;
    }

    /** The Glue security configuration; Glue names the log groups of the jobs it encrypts after it. */
    get glueSecurityConfiguration(): string {
        return this.resource("glue");
    }

    /** The Redshift Serverless namespace and workgroup; Redshift names their audit log groups after it. */
    get warehouse(): string {
        return this.resource("warehouse");
    }

    /**
     * The warehouse-load Glue job's role: the warehouse schema function creates its database user
     * (`IAMR:<name>`) and grants it what the MERGEs need, so both must use this name.
     */
    get warehouseLoaderRole(): string {
        return this.resource("glue-warehouse-load");
    }

    /** The role Glue encrypts the Data Catalog through: the managing stack creates it and checks the account's setting names it. */
    get catalogEncryptionRole(): string {
        return this.resource("glue-catalog-encryption");
    }

    /** Log groups AWS services name after the stack's resources (outside `logGroupPrefix`): Glue's for encrypted jobs, Redshift's audit logs. */
    get serviceLogGroupPatterns(): { readonly glue: readonly string[]; readonly warehouseAudit: string } {
        return {
            glue: ["jobs", "python-jobs"].map((folder) => `/aws-glue/${folder}/${this.glueSecurityConfiguration}-role/*`),
            warehouseAudit: `/aws/redshift/${this.warehouse}/*`,
        };
    }

    /** Names for services that allow up to `limit` characters of `[a-z0-9-]`. */
    resource(purpose: string, limit = 64): string {
        return fit([this.prefix, slug(purpose)], shortHash(`${this.project}:${this.stack}:${purpose}`, 6), limit, false);
    }
}

export function slug(value: string): string {
    return value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}

function shortHash(value: string, length: number): string {
    return createHash("sha256").update(value).digest("hex").slice(0, length);
}

/** Joins parts with hyphens, always appending the suffix when `alwaysSuffix`, and trims to `limit`. */
function fit(parts: string[], suffix: string, limit: number, alwaysSuffix = true): string {
    const base = parts.filter(Boolean).join("-");
    if (!alwaysSuffix && base.length <= limit) return base;
    const room = limit - suffix.length - 1;
    return `${base.slice(0, room).replace(/-+$/, "")}-${suffix}`;
}
