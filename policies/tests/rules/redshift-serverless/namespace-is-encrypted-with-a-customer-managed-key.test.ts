import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "redshift-serverless-namespace-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(
        RULE,
        (key, extra) =>
            resource("aws:redshiftserverless/namespace:Namespace", "warehouse", { kmsKeyId: key, manageAdminPassword: true }, extra),
        "kmsKeyId",
    );
});
