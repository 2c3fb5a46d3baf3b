import * as assert from "node:assert/strict";
import { check, resource, UNKNOWN, urnOf } from "../../harness";

const RULE = "tagging-required-tags-are-present";
const tags = { environment: "prod", owner: "data-platform", "cost-center": "cc-42", project: "lakehouse" };
const queue = (queueTags: unknown, extra = {}) => resource("aws:sqs/queue:Queue", "dlq", { tags: queueTags }, extra);

describe(RULE, () => {
    it("Compliance: all required tags on the resource pass", () => {
        assert.deepEqual(check(RULE, [queue(tags)]), []);
    });

    it("Compliance: tags the provider adds by default count", () => {
        const providerUrn = urnOf("pulumi:providers:aws", "default_7_48_0");
        const provider = resource(
            "pulumi:providers:aws",
            "default_7_48_0",
            { region: "eu-west-1", defaultTags: JSON.stringify({ tags }) },
            { urn: providerUrn, custom: true },
        );
        assert.deepEqual(check(RULE, [provider, queue({ Name: "dlq" }, { provider: `${providerUrn}::abc` })]), []);
    });

    it("Noncompliance 1: a missing tag is named", () => {
        const withoutOwner = Object.fromEntries(Object.entries(tags).filter(([key]) => key !== "owner"));
        assert.match(check(RULE, [queue(withoutOwner)])[0].message, /owner is missing/);
    });

    it("Noncompliance 2: tags unknown during preview cannot be verified", () => {
        assert.match(check(RULE, [queue(UNKNOWN)])[0].message, /cannot be verified/);
    });

    it("Noncompliance 3: the required keys come from config", () => {
        assert.match(check(RULE, [queue(tags)], { [RULE]: { requiredTags: ["data-classification"] } })[0].message, /data-classification/);
    });
});
