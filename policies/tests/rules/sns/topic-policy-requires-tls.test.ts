import * as assert from "node:assert/strict";
import { check, policyJson, resource } from "../../harness";

const RULE = "sns-topic-policy-requires-tls";
const topic = resource("aws:sns/topic:Topic", "alerts", { name: "alerts" }, { id: "arn:aws:sns:eu-west-1:123456789012:alerts" });
const deny = {
    Effect: "Deny",
    Principal: "*",
    Action: "sns:Publish",
    Resource: "*",
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const topicPolicy = (statement: Record<string, unknown>) =>
    resource("aws:sns/topicPolicy:TopicPolicy", "alerts-policy", {
        arn: "arn:aws:sns:eu-west-1:123456789012:alerts",
        policy: policyJson([statement]),
    });

describe(RULE, () => {
    it("Compliance: a TopicPolicy denying insecure transport passes", () => {
        assert.deepEqual(check(RULE, [topic, topicPolicy(deny)]), []);
    });

    it("Noncompliance 1: a topic without a policy is reported", () => {
        assert.match(check(RULE, [topic])[0].message, /sns Topic "alerts" must have a policy that denies requests without TLS.*no policy/);
    });

    it("Noncompliance 2: a policy without the deny is reported", () => {
        assert.equal(check(RULE, [topic, topicPolicy({ ...deny, Effect: "Allow", Condition: undefined })]).length, 1);
    });
});
