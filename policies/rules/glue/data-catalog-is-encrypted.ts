import { MANDATORY_EVERYWHERE, stackRule } from "../../framework/policy-factory";
import { classifyKeyReference, keyViolation } from "../../framework/kms-key-reference";
import { describeValue, isTrue, isUnknown, valueAt } from "../../framework/property-values";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { StackGraph } from "../../framework/stack-graph";

const SETTINGS = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
const CATALOG_TYPES = ["aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/catalogTable:CatalogTable", "aws:glue/connection:Connection"];

/**
 * A stack that uses the Glue Data Catalog configures its encryption: metadata at rest with
 * SSE-KMS and a customer-managed key, connection passwords encrypted with a key.
 */
export function dataCatalogIsEncrypted(stack: StackGraph): StackViolation[] {
    const settings = stack.ofType(SETTINGS);
    const users = stack.ofType(...CATALOG_TYPES);
    if (settings.length === 0 && users.length > 0) {
        return [
            {
                urn: users[0].urn,
                message: `${resourceLabel(users[0])} lives in a Glue Data Catalog that must be encrypted, but the stack has no DataCatalogEncryptionSettings.`,
            },
        ];
    }
    return settings.flatMap((resource) => {
        const subject = resourceLabel(resource);
        const root = valueAt(resource.props, "dataCatalogEncryptionSettings");
        const violations: string[] = [];
        const mode = valueAt(root, "encryptionAtRest", "catalogEncryptionMode");
        if (!isUnknown(mode) && mode !== "SSE-KMS" && mode !== "SSE-KMS-WITH-SERVICE-ROLE") {
            violations.push(
                `${subject} must encrypt the Data Catalog at rest with SSE-KMS, but catalogEncryptionMode is ${describeValue(mode)}.`,
            );
        } else {
            const atRest = classifyKeyReference(
                stack,
                resource,
                "dataCatalogEncryptionSettings",
                valueAt(root, "encryptionAtRest", "sseAwsKmsKeyId"),
            );
            const message = keyViolation(subject, "the Data Catalog", atRest);
            if (message) violations.push(message);
        }
        const returned = isTrue(valueAt(root, "connectionPasswordEncryption", "returnConnectionPasswordEncrypted"));
        if (returned !== "yes") {
            violations.push(
                `${subject} must set returnConnectionPasswordEncrypted to true${returned === "unknown" ? "; it is unknown during preview, so it cannot be verified" : ""}.`,
            );
        }
        const password = classifyKeyReference(
            stack,
            resource,
            "dataCatalogEncryptionSettings",
            valueAt(root, "connectionPasswordEncryption", "awsKmsKeyId"),
        );
        const passwordMessage = keyViolation(subject, "connection passwords", password);
        if (passwordMessage) violations.push(passwordMessage);
        return violations.map((message) => ({ urn: resource.urn, message }));
    });
}

export const rule = stackRule(
    {
        name: "glue-data-catalog-is-encrypted",
        service: "glue",
        severity: "high",
        description: "The Glue Data Catalog is encrypted at rest with a customer-managed key and returns connection passwords encrypted.",
        why: "Catalog metadata and connection passwords describe and unlock the whole lake.",
        remediation:
            "Add an aws.glue.DataCatalogEncryptionSettings with encryptionAtRest SSE-KMS (or SSE-KMS-WITH-SERVICE-ROLE) and connectionPasswordEncryption using a key of this stack; a stack that verifies the setting another stack of its account manages takes an exemption saying so.",
        resourceTypes: [
            "aws:glue/catalogDatabase:CatalogDatabase",
            "aws:glue/catalogTable:CatalogTable",
            "aws:glue/connection:Connection",
            "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
        ],
        enforcement: MANDATORY_EVERYWHERE,
        exemptions: [
            {
                resource: "urn:pulumi:*::*aws:glue/catalogDatabase:CatalogDatabase::*",
                reason: "The Data Catalog's encryption is one setting per account and region, managed by the stack with lakehouse:catalogEncryption: manage (prod by default); a dev or staging stack verifies it (their default, lakehouse:catalogEncryption: verify) at deploy time that it is SSE-KMS-WITH-SERVICE-ROLE with encrypted connection passwords and stops otherwise (README: Two stacks in one account).",
                environments: ["dev", "staging"],
            },
        ],
    },
    dataCatalogIsEncrypted,
);
