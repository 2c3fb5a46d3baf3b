import type { Environment, RequiredTags } from "../config";
import { ResourceNames } from "./naming/resource-names";

/** ARNs of the stack's partition, region and account: the one place they are assembled. */
export class Arns {
    constructor(
        readonly partition: string,
        readonly region: string,
        readonly accountId: string,
    ) {}

    /** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
    regional(service: string, resource: string): string {
        return `arn:${this.partition}:${service}:${this.region}:${this.accountId}:${resource}`;
    }

    /** IAM is global: its ARNs name no region. */
    iam(resource: string): string {
        return `arn:${this.partition}:iam::${this.accountId}:${resource}`;
    }

    /** S3 ARNs name neither region nor account: a bucket, or `bucket/key`. */
    s3(bucketOrObject: string): string {
        return `arn:${this.partition}:s3:::${bucketOrObject}`;
    }

    /** The account itself, as a principal (`arn:<partition>:iam::<account>:root`). */
    get accountRoot(): string {
        return this.iam("root");
    }

    glue(resource: string): string {
        return this.regional("glue", resource);
    }

    logGroup(name: string): string {
        return this.regional("logs", `log-group:${name}`);
    }
}

/** What deletion does to data-bearing resources, and how long logs live: the environment's protection profile. */
export interface Protection {
    /** Protect data-bearing resources and keep them when the stack or resource is deleted. */
    readonly retainOnDelete: boolean;
    /** Days (7-30) a deleted KMS key waits before AWS destroys it. */
    readonly kmsDeletionWindowDays: number;
    /** Days (90-2560) between automatic rotations of every key. */
    readonly kmsRotationPeriodDays: number;
    readonly logRetentionDays: number;
}

/**
 * Everything a component needs to know about the stack it is part of: where it deploys, how it
 * names and tags things, and how it protects data. Handed to every component as one argument.
 */
export interface StackContext {
    readonly project: string;
    readonly stack: string;
    readonly environment: Environment;
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly names: ResourceNames;
    readonly arn: Arns;
    readonly protection: Protection;
    readonly tags: RequiredTags;
}

export function stackContext(settings: {
    readonly project: string;
    readonly stack: string;
    readonly environment: Environment;
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly protection: Protection;
    readonly tags: RequiredTags;
}): StackContext {
    return {
        ...settings,
        names: new ResourceNames(settings.project, settings.stack, settings.accountId, settings.region),
        arn: new Arns(settings.partition, settings.region, settings.accountId),
    };
}
