import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "secretsmanager-secret-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(
        RULE,
        (key, extra) => resource("aws:secretsmanager/secret:Secret", "api-token", { kmsKeyId: key }, extra),
        "kmsKeyId",
    );
});
