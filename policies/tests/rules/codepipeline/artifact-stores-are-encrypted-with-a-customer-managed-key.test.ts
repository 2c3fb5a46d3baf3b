import * as assert from "node:assert/strict";
import { customerManagedKeyCases } from "../../customer-managed-key-cases";
import { check, resource, UNKNOWN } from "../../harness";

const RULE = "codepipeline-artifact-stores-are-encrypted-with-a-customer-managed-key";
const pipeline = (key: unknown, extra = {}) =>
    resource(
        "aws:codepipeline/pipeline:Pipeline",
        "deploy",
        {
            artifactStores: [
                {
                    location: "artifacts",
                    type: "S3",
                    ...(key === undefined ? {} : { encryptionKey: { id: key, type: "KMS" } }),
                },
            ],
        },
        extra,
    );

describe(RULE, () => {
    customerManagedKeyCases(RULE, pipeline, "artifactStores");

    it("Noncompliance 4: artifact stores unknown during preview cannot be verified", () => {
        assert.match(
            check(RULE, [resource("aws:codepipeline/pipeline:Pipeline", "deploy", { artifactStores: UNKNOWN })])[0].message,
            /cannot be verified/,
        );
    });
});
