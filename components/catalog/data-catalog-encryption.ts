import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";
import { serviceTrustPolicy } from "../../lib/iam/documents";
import { rotatedKeyArgs } from "../security/platform-keys";

/** The mode that lets Glue do every catalog KMS call through its own role, so no caller needs the key. */
export const catalogEncryptionMode = "SSE-KMS-WITH-SERVICE-ROLE";

/** What `glue:GetDataCatalogEncryptionSettings` reports, as the provider's data source shapes it. */
export interface ReportedCatalogEncryption {
    readonly encryptionAtRests: readonly {
        readonly catalogEncryptionMode: string;
        readonly catalogEncryptionServiceRole: string;
        readonly sseAwsKmsKeyId: string;
    }[];
    readonly connectionPasswordEncryptions: readonly {
        readonly awsKmsKeyId: string;
        readonly returnConnectionPasswordEncrypted: boolean;
    }[];
}

/**
 * Problems with the catalog encryption another stack of the account is meant to manage: empty
 * when metadata is encrypted through Glue's service role and connection passwords with a key.
 */
export function catalogEncryptionProblems(reported: readonly ReportedCatalogEncryption[]): string[] {
    const atRest = reported[0]?.encryptionAtRests[0];
    const passwords = reported[0]?.connectionPasswordEncryptions[0];
    const problems: string[] = [];
    if (atRest?.catalogEncryptionMode !== catalogEncryptionMode || !atRest.sseAwsKmsKeyId || !atRest.catalogEncryptionServiceRole) {
        problems.push(
            `metadata at rest is ${atRest?.catalogEncryptionMode ?? "not configured"}` +
                (atRest?.catalogEncryptionMode === "SSE-KMS"
                    ? " without a service role, so every principal would need the catalog key"
                    : "") +
                `, not ${catalogEncryptionMode} with a key and a role`,
        );
    }
    if (!passwords?.returnConnectionPasswordEncrypted || !passwords.awsKmsKeyId) {
        problems.push("connection passwords are not encrypted with a KMS key");
    }
    return problems;
}

/**
 * Whether a stack may take over the setting as AWS reports it: only from nobody (encryption off)
 * or from itself (its own role), since switching to a service role makes objects encrypted under
 * another key unreadable ("Encrypting your Data Catalog"). Undefined when it may.
 */
export function catalogEncryptionTakeoverProblem(reported: readonly ReportedCatalogEncryption[], ownRoleArn: string): string | undefined {
    const atRest = reported[0]?.encryptionAtRests[0];
    if (atRest === undefined || atRest.catalogEncryptionMode === "DISABLED" || atRest.catalogEncryptionServiceRole === ownRoleArn)
        return undefined;
    return (
        `it is already ${atRest.catalogEncryptionMode} with key ${atRest.sseAwsKmsKeyId || "(none)"}` +
        (atRest.catalogEncryptionServiceRole ? ` and role ${atRest.catalogEncryptionServiceRole}` : "") +
        ", set by another stack or tool"
    );
}

/** What the account's Data Catalog encryption is now. */
async function reportedCatalogEncryption(accountId: string): Promise<readonly ReportedCatalogEncryption[]> {
    return (await aws.glue.getDataCatalogEncryptionSettings({ catalogId: accountId })).dataCatalogEncryptionSettings;
}

/**
 * Before a stack that manages the setting registers anything: refuses to overwrite a setting
 * another stack or tool made, which would cut every stack off from what is encrypted under it.
 */
async function claimDataCatalogEncryption(accountId: string, region: string, ownRoleArn: string): Promise<void> {
    const problem = catalogEncryptionTakeoverProblem(await reportedCatalogEncryption(accountId), ownRoleArn);
    if (problem) {
        throw new Error(
            `This stack manages the Glue Data Catalog encryption of account ${accountId} in ${region} (lakehouse:catalogEncryption: manage), ` +
                `but ${problem}. Set catalogEncryption: verify, or hand the setting over (README: Two stacks in one account).`,
        );
    }
}

/**
 * Before the stack registers anything: the stack that manages the account's catalog encryption
 * claims it, every other one verifies it; either throws with the reason when it cannot.
 */
export async function checkDataCatalogEncryption(context: StackContext, mode: "manage" | "verify"): Promise<void> {
    const { accountId, region, arn, names } = context;
    if (mode === "manage") await claimDataCatalogEncryption(accountId, region, arn.iam(`role/${names.catalogEncryptionRole}`));
    else await verifyDataCatalogEncryption(accountId, region);
}

/**
 * Checks that another stack of this account and region manages the catalog encryption this
 * stack relies on; throws with the reason otherwise.
 */
async function verifyDataCatalogEncryption(accountId: string, region: string): Promise<void> {
    const problems = catalogEncryptionProblems(await reportedCatalogEncryption(accountId));
    if (problems.length > 0) {
        throw new Error(
            `The Glue Data Catalog of account ${accountId} in ${region} is not encrypted as this stack requires: ${problems.join("; ")}. ` +
                "Set lakehouse:catalogEncryption: manage in exactly one stack of this account and region and deploy it first " +
                "(README: Two stacks in one account).",
        );
    }
}

/** The role Glue encrypts the catalog through, named so the stack can recognise its own setting before creating it. */

export interface DataCatalogEncryptionArgs {
    readonly context: StackContext;
}

/**
 * Encryption of the account's Glue Data Catalog in this region, which every stack there shares,
 * created by the one stack per account and region that manages it (`catalogEncryption: manage`):
 * a catalog key and a role Glue assumes for every catalog KMS call (SSE-KMS-WITH-SERVICE-ROLE), so
 * no job, warehouse or analyst of any stack needs the key for catalog metadata. Key, alias, role,
 * role policy and setting are protected and kept when the stack is destroyed: deleting the setting
 * would turn encryption off for every stack, and the key still encrypts what they wrote. The stack
 * claims the setting first (`claimDataCatalogEncryption`); others call `verifyDataCatalogEncryption`.
 */
export class DataCatalogEncryption extends pulumi.ComponentResource {
    /** Catalog objects are created after the setting, or they would be stored unencrypted. */
    readonly settings: aws.glue.DataCatalogEncryptionSettings;
    /** The role Glue encrypts with, which the deployer passes to Glue. */
    readonly role: aws.iam.Role;

    constructor(name: string, args: DataCatalogEncryptionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:catalog:DataCatalogEncryption", name, {}, opts);
        const { context } = args;
        const { names, arn, accountId, region } = context;

        // Kept whatever the environment: objects of every stack stay encrypted under it.
        const kept: pulumi.CustomResourceOptions = { parent: this, protect: true, retainOnDelete: true };
        const key = new aws.kms.Key(
            `${name}-key`,
            rotatedKeyArgs({
                arn,
                description: `Glue Data Catalog of account ${accountId} in ${region}: metadata and connection passwords`,
                deletionWindowInDays: 30,
                rotationPeriodInDays: 365,
            }),
            kept,
        );
        new aws.kms.Alias(`${name}-key`, { name: `alias/${names.prefix}-glue-catalog`, targetKeyId: key.keyId }, kept);

        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: names.catalogEncryptionRole,
                description: "Glue assumes this role for every KMS call on the account's encrypted Data Catalog.",
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("glue.amazonaws.com", context)),
                maxSessionDuration: 3600,
            },
            kept,
        );
        const policy = new aws.iam.RolePolicy(
            `${name}-role`,
            {
                role: this.role.name,
                name: "encrypt-the-data-catalog",
                policy: key.arn.apply((keyArn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            // Glue validates the key with DescribeKey, which carries no encryption context.
                            { Sid: "ValidateTheCatalogKey", Effect: "Allow", Action: ["kms:DescribeKey"], Resource: keyArn },
                            {
                                // Glue's encryption context names the catalog ("Encrypting your Data Catalog").
                                Sid: "EncryptThisAccountsCatalog",
                                Effect: "Allow",
                                Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
                                Resource: keyArn,
                                Condition: { StringEquals: { "kms:EncryptionContext:glue_catalog_id": accountId } },
                            },
                        ],
                    }),
                ),
            },
            kept,
        );

        this.settings = new aws.glue.DataCatalogEncryptionSettings(
            `${name}-settings`,
            {
                catalogId: accountId,
                dataCatalogEncryptionSettings: {
                    encryptionAtRest: {
                        catalogEncryptionMode,
                        sseAwsKmsKeyId: key.arn,
                        catalogEncryptionServiceRole: this.role.arn,
                    },
                    connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: key.arn },
                },
            },
            { ...kept, dependsOn: [policy] },
        );

        this.registerOutputs({ keyArn: key.arn, roleArn: this.role.arn });
    }
}
