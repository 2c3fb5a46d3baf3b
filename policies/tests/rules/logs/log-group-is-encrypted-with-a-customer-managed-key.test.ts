import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "logs-log-group-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(
        RULE,
        (key, extra) => resource("aws:cloudwatch/logGroup:LogGroup", "etl-logs", { kmsKeyId: key, retentionInDays: 365 }, extra),
        "kmsKeyId",
    );
});
