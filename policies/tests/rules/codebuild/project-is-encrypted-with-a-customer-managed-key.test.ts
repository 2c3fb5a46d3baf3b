import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { resource } from "../../harness";

const RULE = "codebuild-project-is-encrypted-with-a-customer-managed-key";
describe(RULE, () => {
    customerManagedKeyCases(
        RULE,
        (key, extra) => resource("aws:codebuild/project:Project", "build", { encryptionKey: key }, extra),
        "encryptionKey",
    );
});
