import { strict as assert } from "node:assert";
import { ofType, planOf, plannedStacks } from "./plans";

interface TrustStatement {
    readonly Principal?: { readonly Service?: string };
    readonly Condition?: unknown;
}

/**
 * Services AWS documents as sending aws:SourceAccount / aws:SourceArn when assuming a role (their
 * "cross-service confused deputy prevention" pages), with the source the condition pins. Any other
 * service gets no such condition: IAM evaluates a condition on an absent key as false.
 */
const documentedSources: Readonly<Record<string, (prefix: string) => unknown>> = {
    "codebuild.amazonaws.com": (prefix) => ({
        StringEquals: { "aws:SourceAccount": "111111111111" },
        ArnLike: { "aws:SourceArn": `arn:aws:codebuild:eu-west-1:111111111111:project/${prefix}-*` },
    }),
    "events.amazonaws.com": (prefix) => ({
        StringEquals: { "aws:SourceAccount": "111111111111" },
        ArnLike: { "aws:SourceArn": `arn:aws:events:eu-west-1:111111111111:rule/${prefix}-*` },
    }),
    "vpc-flow-logs.amazonaws.com": () => ({
        StringEquals: { "aws:SourceAccount": "111111111111" },
        ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:111111111111:vpc-flow-log/*" },
    }),
    "redshift.amazonaws.com": () => ({ StringEquals: { "aws:SourceAccount": "111111111111" } }),
    "redshift-serverless.amazonaws.com": () => ({ StringEquals: { "aws:SourceAccount": "111111111111" } }),
};

describe("role trust policies", () => {
    for (const stack of plannedStacks) {
        it(`in ${stack}, service roles carry source conditions only where the service documents sending them`, () => {
            const roles = ofType(planOf(stack).resources, "aws:iam/role:Role");
            const services = new Set<string>();
            for (const role of roles) {
                const { Statement } = JSON.parse(role.inputs["assumeRolePolicy"] as string) as { Statement: TrustStatement[] };
                for (const statement of Statement) {
                    const service = statement.Principal?.Service;
                    if (!service) continue;
                    services.add(service);
                    assert.deepEqual(
                        statement.Condition,
                        documentedSources[service]?.(`lakehouse-${stack}`),
                        `${role.name} trusting ${service}`,
                    );
                }
            }
            // The rule is exercised on services without the keys too: Glue, Lambda and CodePipeline roles exist in every stack.
            for (const service of ["glue.amazonaws.com", "lambda.amazonaws.com", "codepipeline.amazonaws.com", "events.amazonaws.com"]) {
                assert.ok(services.has(service), `${stack} plans a role trusting ${service}`);
            }
        });
    }
});

describe("IAM quotas", () => {
    for (const stack of plannedStacks) {
        it(`in ${stack}, every role's inline policies fit IAM's 10,240-character aggregate limit`, () => {
            const { resources } = planOf(stack);
            const byRole = new Map<string, number>();
            for (const policy of ofType(resources, "aws:iam/rolePolicy:RolePolicy")) {
                const role = String(policy.inputs["role"]);
                // IAM counts the document without whitespace.
                byRole.set(role, (byRole.get(role) ?? 0) + String(policy.inputs["policy"]).replace(/\s/g, "").length);
            }
            assert.ok(byRole.size >= 8);
            for (const [role, size] of byRole) assert.ok(size <= 10_240, `${role} has ${size} characters of inline policy`);
        });
    }
});
