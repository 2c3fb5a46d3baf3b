import { strict as assert } from "node:assert";
import { ofType, planOf } from "./plans";

const stacks = [
    { stack: "dev", recoveryWindow: 7, retained: false, alertSubscriptions: 0 },
    { stack: "prod", recoveryWindow: 30, retained: true, alertSubscriptions: 1 },
] as const;

for (const { stack, recoveryWindow, retained, alertSubscriptions } of stacks) {
    describe(`secrets and alerts in the ${stack} stack`, () => {
        const resources = () => planOf(stack).resources;
        const keyArn = (suffix: string) => ofType(resources(), "aws:kms/key:Key").find((key) => key.name.endsWith(suffix))?.outputs["arn"];
        const secrets = () => ofType(resources(), "aws:secretsmanager/secret:Secret");

        it("people-supplied secrets exist, encrypted with the secrets key, and are created without a value", () => {
            assert.deepEqual(
                secrets()
                    .map((secret) => secret.inputs["name"])
                    .sort(),
                [`lakehouse-${stack}/pulumi-backend`, `lakehouse-${stack}/rest-source-credentials`],
            );
            for (const secret of secrets()) assert.equal(secret.inputs["kmsKeyId"], keyArn("-secrets"), secret.name);
            assert.deepEqual(ofType(resources(), "aws:secretsmanager/secretVersion:SecretVersion"), []);
        });

        it(`secrets can be restored for ${recoveryWindow} days after deletion`, () => {
            for (const secret of secrets()) assert.equal(secret.inputs["recoveryWindowInDays"], recoveryWindow, secret.name);
        });

        it(`secrets are ${retained ? "" : "not "}protected and retained on delete`, () => {
            for (const secret of secrets()) {
                assert.equal(secret.protect, retained, secret.name);
                assert.equal(secret.retainOnDelete, retained, secret.name);
            }
        });

        it("the alert topic is encrypted with the logs key and only accepts TLS publishes", () => {
            const [topic] = ofType(resources(), "aws:sns/topic:Topic").filter((candidate) => candidate.name.endsWith("-alerts"));
            assert.equal(topic.inputs["kmsMasterKeyId"], keyArn("-logs"));
            const [policy] = ofType(resources(), "aws:sns/topicPolicy:TopicPolicy").filter((candidate) =>
                candidate.name.endsWith("-alerts"),
            );
            const document = JSON.parse(policy.inputs["policy"] as string) as { Statement: Record<string, unknown>[] };
            assert.deepEqual(document.Statement.find((statement) => statement["Effect"] === "Deny")?.["Condition"], {
                Bool: { "aws:SecureTransport": "false" },
            });
        });

        it("services may use the logs and delivery keys only to publish to this stack's topics, with the conditions SNS supports for each", () => {
            const keyPolicy = (suffix: string): Record<string, unknown>[] => {
                const key = ofType(resources(), "aws:kms/key:Key").find((candidate) => candidate.name.endsWith(suffix));
                return (JSON.parse(key?.inputs["policy"] as string) as { Statement: Record<string, unknown>[] }).Statement;
            };
            const publishers = (suffix: string) =>
                keyPolicy(suffix)
                    .filter((statement) => JSON.stringify(statement["Action"]).includes("kms:GenerateDataKey*"))
                    .filter((statement) => !JSON.stringify(statement["Principal"]).includes("logs."))
                    .map((statement) => [statement["Principal"], statement["Condition"]]);
            const stackTopics = { "kms:EncryptionContext:aws:sns:topicArn": `arn:aws:sns:eu-west-1:111111111111:lakehouse-${stack}-*` };
            assert.deepEqual(publishers("-logs"), [
                [{ Service: "cloudwatch.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": "111111111111" }, ArnLike: stackTopics }],
                // SNS does not support aws:SourceAccount or aws:SourceArn for EventBridge-to-encrypted topics.
                [{ Service: "events.amazonaws.com" }, { ArnLike: stackTopics }],
            ]);
            assert.deepEqual(publishers("-delivery"), [[{ Service: "codestar-notifications.amazonaws.com" }, { ArnLike: stackTopics }]]);
        });

        it("each alert email gets a subscription", () => {
            const subscriptions = ofType(resources(), "aws:sns/topicSubscription:TopicSubscription").filter((subscription) =>
                subscription.name.includes("-alerts-email-"),
            );
            assert.equal(subscriptions.length, alertSubscriptions);
            for (const subscription of subscriptions) assert.equal(subscription.inputs["protocol"], "email");
        });
    });
}
