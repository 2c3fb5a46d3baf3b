import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "sns-topic-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(
        RULE,
        (key, extra) => resource("aws:sns/topic:Topic", "alerts", { kmsMasterKeyId: key }, extra),
        "kmsMasterKeyId",
    );
});
