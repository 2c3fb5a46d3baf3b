import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "sqs-queue-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(RULE, (key, extra) => resource("aws:sqs/queue:Queue", "dlq", { kmsMasterKeyId: key }, extra), "kmsMasterKeyId");
});
