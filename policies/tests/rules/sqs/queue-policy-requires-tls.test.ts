import * as assert from "node:assert/strict";
import { check, policyJson, resource } from "../../harness";

const RULE = "sqs-queue-policy-requires-tls";
const url = "https://sqs.eu-west-1.amazonaws.com/123456789012/dlq";
const queue = resource("aws:sqs/queue:Queue", "dlq", { name: "dlq" }, { id: url });
const deny = {
    Effect: "Deny",
    Principal: "*",
    Action: "sqs:*",
    Resource: "*",
    Condition: { Bool: { "aws:SecureTransport": false } },
};

describe(RULE, () => {
    it("Compliance: a QueuePolicy denying insecure transport passes", () => {
        const policy = resource("aws:sqs/queuePolicy:QueuePolicy", "dlq-policy", {
            queueUrl: url,
            policy: policyJson([deny]),
        });
        assert.deepEqual(check(RULE, [queue, policy]), []);
    });

    it("Compliance: an inline queue policy passes", () => {
        assert.deepEqual(check(RULE, [resource("aws:sqs/queue:Queue", "dlq", { policy: policyJson([deny]) })]), []);
    });

    it("Noncompliance 1: a queue without a policy is reported", () => {
        assert.equal(check(RULE, [queue]).length, 1);
    });
});
