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
