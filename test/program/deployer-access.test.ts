import { strict as assert } from "node:assert";
import type * as pulumi from "@pulumi/pulumi";
import { deployActionsByResourceType } from "../../components/cicd/deploy-actions";
import { previewReads, serviceOf, trustedServices } from "../../components/cicd/deploy-policy";
import { stackServices } from "../../components/security/stack-services";
import type { PolicyStatement } from "../../lib/iam/documents";
import { permissionsBoundaryTransform } from "../../components/security/permissions-boundary";
import type { PlannedResource } from "../../harness/evaluate";
import { iamPatternMatches } from "../../policies/framework/iam-policy-document";
import { actionsMatching, needsWildcardResource } from "../../policies/framework/iam-reference";
import { ofType, planOf, plannedStacks } from "./plans";

const account = "111111111111";
const roleType = "aws:iam/role:Role";
const policyType = "aws:iam/policy:Policy";
/** Types that are not AWS resources: our components and the stack itself. */
const isComponentType = (type: string): boolean => type.startsWith("lakehouse:") || type.startsWith("pulumi:");

const statementsOf = (document: unknown): PolicyStatement[] =>
    (JSON.parse(document as string) as { Statement: PolicyStatement[] }).Statement;
const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string]);
const conditionValue = (statement: PolicyStatement, operator: string, key: string): unknown =>
    (statement["Condition"] as Record<string, Record<string, unknown>> | undefined)?.[operator]?.[key];

function planned(stack: string) {
    const { resources, invokes } = planOf(stack);
    const [boundary] = ofType(resources, policyType).filter((policy) => policy.name.endsWith("-boundary"));
    const deployPolicies = ofType(resources, policyType).filter((policy) => policy.name.includes("-deployer-deploy-"));
    const [readOnly] = ofType(resources, "aws:iam/rolePolicy:RolePolicy").filter((policy) => policy.name.endsWith("-deployer-read-only"));
    const deployStatements = deployPolicies.flatMap((policy) => statementsOf(policy.inputs["policy"]));
    return { resources, invokes, boundary, deployPolicies, deployStatements, readOnly };
}

/** The CodeConnections connection of the pipeline's source action. */
function sourceConnection(resources: PlannedResource[]): string {
    const [pipeline] = ofType(resources, "aws:codepipeline/pipeline:Pipeline");
    const stages = pipeline.inputs["stages"] as { actions: { configuration?: Record<string, string> }[] }[];
    return stages[0].actions[0].configuration?.["ConnectionArn"] ?? "";
}

/** Every policy document a role of the stack is granted by: inline role policies and the stack's managed policies. */
function grantingDocuments(resources: PlannedResource[], boundary: PlannedResource): unknown[] {
    return [
        ...ofType(resources, "aws:iam/rolePolicy:RolePolicy").map((policy) => policy.inputs["policy"]),
        ...ofType(resources, policyType)
            .filter((policy) => policy.urn !== boundary.urn)
            .map((policy) => policy.inputs["policy"]),
    ];
}

for (const stack of ["dev", "prod"]) {
    describe(`deployer permissions in the ${stack} stack`, () => {
        const boundaryArn = `arn:aws:iam::${account}:policy/lakehouse-${stack}-permissions-boundary`;
        const stackRoles = `arn:aws:iam::${account}:role/lakehouse-${stack}-*`;

        it("the boundary policy has the name its ARN was computed from", () => {
            const { boundary } = planned(stack);
            assert.equal(boundary.outputs["arn"], boundaryArn);
        });

        it("every role carries the permissions boundary and is created after the boundary policy", () => {
            const { resources, boundary } = planned(stack);
            const roles = ofType(resources, roleType);
            assert.ok(roles.length >= 5);
            for (const role of roles) {
                assert.equal(role.inputs["permissionsBoundary"], boundaryArn, role.name);
                assert.ok(role.dependencies.includes(boundary.urn), `${role.name} depends on the boundary policy`);
            }
        });

        it("the boundary denies creating or changing a role or user without it, and changing or removing it", () => {
            const statements = statementsOf(planned(stack).boundary.inputs["policy"]);
            const denied = (sid: string) => statements.find((statement) => statement["Sid"] === sid && statement["Effect"] === "Deny");
            const withoutBoundary = denied("NoPrincipalWithoutThisBoundary");
            assert.ok(withoutBoundary);
            for (const action of [
                "iam:CreateRole",
                "iam:PutRolePolicy",
                "iam:AttachRolePolicy",
                "iam:PutRolePermissionsBoundary",
                "iam:CreateUser",
            ]) {
                assert.ok(list(withoutBoundary["Action"]).includes(action), action);
            }
            assert.equal(conditionValue(withoutBoundary, "StringNotEquals", "iam:PermissionsBoundary"), boundaryArn);
            const ownEdits = denied("NoChangeToThisBoundary");
            assert.deepEqual(list(ownEdits?.["Resource"]), [boundaryArn]);
            assert.deepEqual(list(ownEdits?.["Action"]).sort(), [
                "iam:CreatePolicyVersion",
                "iam:DeletePolicy",
                "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion",
            ]);
            assert.deepEqual(list(denied("NoBoundaryRemoval")?.["Action"]).sort(), [
                "iam:DeleteRolePermissionsBoundary",
                "iam:DeleteUserPermissionsBoundary",
            ]);
        });

        it("the boundary denies access keys, Organizations, account settings and every region but the stack's, except global IAM", () => {
            const statements = statementsOf(planned(stack).boundary.inputs["policy"]);
            const credentials = statements.find((statement) => statement["Sid"] === "NoLongTermCredentialsOrAccountAdministration");
            for (const action of ["iam:*AccessKey*", "organizations:*", "account:*"])
                assert.ok(list(credentials?.["Action"]).includes(action));
            const region = statements.find((statement) => statement["Sid"] === "NoOtherRegion");
            assert.equal(region?.["Effect"], "Deny");
            assert.deepEqual(region?.["NotAction"], ["iam:*"]);
            assert.equal(conditionValue(region ?? {}, "StringNotEquals", "aws:RequestedRegion"), "eu-west-1");
        });

        it("the boundary allows IAM only on this stack's roles and policies", () => {
            const statements = statementsOf(planned(stack).boundary.inputs["policy"]);
            const allows = statements.filter((statement) => statement["Effect"] === "Allow");
            const iam = allows.filter((statement) => list(statement["Action"]).some((action) => serviceOf(action) === "iam"));
            assert.deepEqual(
                iam.flatMap((statement) => list(statement["Resource"])),
                [stackRoles, `arn:aws:iam::${account}:policy/lakehouse-${stack}-*`],
            );
        });

        it("the boundary allows exactly the services the stack's roles are granted", () => {
            const { resources, boundary } = planned(stack);
            const allowed = statementsOf(boundary.inputs["policy"])
                .filter((statement) => statement["Effect"] === "Allow")
                .flatMap((statement) => list(statement["Action"]).map(serviceOf));
            const granted = grantingDocuments(resources, boundary).flatMap((document) =>
                statementsOf(document).flatMap((statement) => list(statement["Action"]).map(serviceOf)),
            );
            assert.deepEqual([...new Set(allowed)].sort(), [...new Set(granted)].sort());
            assert.deepEqual(
                [...new Set(allowed)].sort(),
                stackServices(stack === "prod" ? ["quicksight"] : [], sourceConnection(planned(stack).resources)),
            );
        });

        it("the deploy policy fits IAM's managed policy size limit", () => {
            for (const policy of planned(stack).deployPolicies) {
                const size = (policy.inputs["policy"] as string).replace(/\s/g, "").length;
                assert.ok(size <= 6144, `${policy.name} has ${size} characters`);
            }
        });

        it("the deploy policy names actions: no *, no service:*, no NotAction", () => {
            for (const statement of planned(stack).deployStatements) {
                assert.equal(statement["NotAction"], undefined);
                for (const action of list(statement["Action"]))
                    assert.doesNotMatch(action, /^\*$|^[a-z0-9-]+:\*$/, String(statement["Sid"]));
            }
        });

        it("the deploy policy creates and changes roles only with the boundary, on this stack's role names", () => {
            const escalating = [
                "CreateRole",
                "PutRolePolicy",
                "DeleteRolePolicy",
                "PutRolePermissionsBoundary",
                "AttachRolePolicy",
                "DetachRolePolicy",
            ];
            const statements = planned(stack).deployStatements.filter((statement) =>
                list(statement["Action"]).some((action) => escalating.includes(action.replace(/^iam:/, ""))),
            );
            assert.ok(statements.length > 0);
            for (const statement of statements) {
                assert.equal(conditionValue(statement, "StringEquals", "iam:PermissionsBoundary"), boundaryArn, String(statement["Sid"]));
                assert.deepEqual(list(statement["Resource"]), [stackRoles]);
            }
        });

        it("the deploy policy cannot relabel a KMS key that another project or environment tagged", () => {
            const denies = planned(stack).deployStatements.filter(
                (statement) => statement["Effect"] === "Deny" && list(statement["Action"]).includes("kms:TagResource"),
            );
            assert.deepEqual(
                denies.map((statement) => [
                    conditionValue(statement, "StringNotEquals", "aws:ResourceTag/project"),
                    conditionValue(statement, "StringNotEquals", "aws:ResourceTag/environment"),
                ]),
                [
                    ["lakehouse", undefined],
                    [undefined, stack],
                ],
            );
        });

        it("the deploy policy passes only this stack's roles, each to the service its trust policy names", () => {
            const { resources, deployStatements } = planned(stack);
            const roles = new Map(ofType(resources, roleType).map((role) => [role.outputs["arn"] as string, role]));
            const passes = deployStatements.filter((statement) => list(statement["Action"]).includes("iam:PassRole"));
            assert.ok(passes.length > 0);
            for (const statement of passes) {
                const service = conditionValue(statement, "StringEquals", "iam:PassedToService");
                for (const arn of list(statement["Resource"])) {
                    const role = roles.get(arn);
                    assert.ok(role, `${arn} is a role of this stack`);
                    assert.ok(
                        trustedServices(role.inputs["assumeRolePolicy"] as string).includes(service as string),
                        `${arn} trusts ${String(service)}`,
                    );
                }
            }
        });

        it("every role a stack resource hands to a service is passable to that service", () => {
            const { resources, deployStatements } = planned(stack);
            const roles = new Map(ofType(resources, roleType).map((role) => [role.outputs["arn"] as string, role]));
            const passable = new Set(
                deployStatements
                    .filter((statement) => list(statement["Action"]).includes("iam:PassRole"))
                    .flatMap((statement) =>
                        list(statement["Resource"]).map(
                            (arn) => `${arn} ${String(conditionValue(statement, "StringEquals", "iam:PassedToService"))}`,
                        ),
                    ),
            );
            const handedOver = resources.flatMap((resource) =>
                Object.values(resource.inputs).filter((value): value is string => typeof value === "string" && roles.has(value)),
            );
            assert.ok(handedOver.length >= 5);
            for (const arn of handedOver) {
                for (const service of trustedServices(roles.get(arn)?.inputs["assumeRolePolicy"] as string)) {
                    assert.ok(passable.has(`${arn} ${service}`), `${arn} is passable to ${service}`);
                }
            }
        });

        it("deploy resources are scoped by the stack's names or tags; the remaining wildcards are actions AWS cannot scope", () => {
            const names = [
                `arn:aws:s3:::lakehouse-${stack}-`,
                `arn:aws:kms:eu-west-1:${account}:alias/lakehouse-${stack}-`,
                `arn:aws:logs:eu-west-1:${account}:log-group:/lakehouse-${stack}/`,
                `arn:aws:iam::${account}:role/lakehouse-${stack}-`,
                `arn:aws:iam::${account}:policy/lakehouse-${stack}-`,
                `arn:aws:glue:eu-west-1:${account}:database/lakehouse_${stack}_`,
                `arn:aws:glue:eu-west-1:${account}:table/lakehouse_${stack}_`,
                `arn:aws:glue:eu-west-1:${account}:userDefinedFunction/lakehouse_${stack}_`,
                `arn:aws:glue:eu-west-1:${account}:job/lakehouse-${stack}-`,
                `arn:aws:glue:eu-west-1:${account}:trigger/lakehouse-${stack}-`,
                `arn:aws:glue:eu-west-1:${account}:workflow/lakehouse-${stack}-`,
                `arn:aws:glue:eu-west-1:${account}:dataQualityRuleset/lakehouse-${stack}-`,
                `arn:aws:events:eu-west-1:${account}:rule/lakehouse-${stack}-`,
                `arn:aws:sns:eu-west-1:${account}:lakehouse-${stack}-`,
                `arn:aws:secretsmanager:eu-west-1:${account}:secret:lakehouse-${stack}/`,
                `arn:aws:secretsmanager:eu-west-1:${account}:secret:redshift!lakehouse-${stack}-`,
                `arn:aws:logs:eu-west-1:${account}:log-group:/aws/redshift/lakehouse-${stack}-`,
                `arn:aws:cloudwatch:eu-west-1:${account}:alarm:lakehouse-${stack}-`,
                `arn:aws:lambda:eu-west-1:${account}:function:lakehouse-${stack}-`,
                `arn:aws:athena:eu-west-1:${account}:workgroup/lakehouse-${stack}-`,
                `arn:aws:quicksight:eu-west-1:${account}:datasource/lakehouse-${stack}-`,
                `arn:aws:quicksight:eu-west-1:${account}:dataset/lakehouse-${stack}-`,
                `arn:aws:codebuild:eu-west-1:${account}:project/lakehouse-${stack}-`,
                `arn:aws:codepipeline:eu-west-1:${account}:lakehouse-${stack}-`,
            ];
            const exceptions = [
                // The account's one Data Catalog, and listing log groups, which AWS grants only account-wide.
                `arn:aws:glue:eu-west-1:${account}:catalog`,
                `arn:aws:logs:eu-west-1:${account}:log-group:*`,
                // The one connection the pipeline's source names.
                sourceConnection(planned(stack).resources),
                // Notification rules have generated ids and AWS accepts no condition on their tag calls.
                `arn:aws:codestar-notifications:eu-west-1:${account}:notificationrule/*`,
            ];
            const tagKeys = ["aws:ResourceTag/project", "aws:RequestTag/project", "ec2:CreateAction"];
            const unscopable = (action: string): boolean => {
                const found = actionsMatching(action);
                return found.length === 1 && needsWildcardResource(found[0]);
            };
            const allows = planned(stack).deployStatements.filter((statement) => statement["Effect"] === "Allow");
            for (const statement of allows) {
                const sid = String(statement["Sid"]);
                const tagScoped = tagKeys.some((key) => conditionValue(statement, "StringEquals", key) !== undefined);
                for (const resource of list(statement["Resource"])) {
                    if (resource === "*") {
                        if (tagScoped) continue;
                        for (const action of list(statement["Action"])) assert.ok(unscopable(action), `${sid}: ${action} on *`);
                    } else {
                        const named = names.some((prefix) => resource.startsWith(prefix)) || exceptions.includes(resource);
                        assert.ok(
                            named || tagScoped || list(statement["Action"]).every((a) => a === "iam:PassRole"),
                            `${sid}: ${resource}`,
                        );
                    }
                }
            }
        });

        it("the deploy policy uses exactly the services the planned resource types map to", () => {
            const { resources, deployStatements } = planned(stack);
            const types = [...new Set(resources.map((resource) => resource.type))].filter((type) => !isComponentType(type));
            for (const type of types) assert.ok(deployActionsByResourceType[type], `${type} has a row in deployActionsByResourceType`);
            // The source connection is authorized under its ARN's prefix only: codeconnections for these stacks.
            const mapped = new Set(
                types.flatMap((type) =>
                    Object.values(deployActionsByResourceType[type])
                        .flatMap((actions: readonly string[]) => actions.map(serviceOf))
                        .filter((service) => service !== "codestar-connections"),
                ),
            );
            const granted = new Set(deployStatements.flatMap((statement) => list(statement["Action"]).map(serviceOf)));
            assert.deepEqual([...granted].sort(), [...mapped].sort());
        });

        it(`the deploy role ${stack === "dev" ? "may" : "may not"} delete objects of the stack's buckets (forceDestroy)`, () => {
            const { resources, deployStatements } = planned(stack);
            const forceDestroy = ofType(resources, "aws:s3/bucket:Bucket").every((bucket) => bucket.inputs["forceDestroy"] === true);
            assert.equal(forceDestroy, stack === "dev");
            const deletesEverywhere = deployStatements.some(
                (statement) =>
                    list(statement["Action"]).includes("s3:DeleteObjectVersion") &&
                    list(statement["Resource"]).includes(`arn:aws:s3:::lakehouse-${stack}-*/*`),
            );
            assert.equal(deletesEverywhere, forceDestroy);
        });

        it("the read-only role only reads, and only what a preview reads", () => {
            const { resources, invokes, readOnly } = planned(stack);
            const actions = statementsOf(readOnly.inputs["policy"]).flatMap((statement) => list(statement["Action"]));
            for (const action of actions) assert.match(action, /^[a-z0-9-]+:(Describe|Get|List|BatchGet)[A-Za-z]+$/);
            for (const invoke of invokes) assert.ok(previewReads[invoke], `${invoke} has a row in previewReads`);
            const planTypes = new Set(resources.map((resource) => resource.type));
            const needed = [...invokes, ...[...planTypes].filter((type) => previewReads[type])].flatMap((key) =>
                previewReads[key].map((read) => read.action),
            );
            assert.deepEqual([...new Set(actions)].sort(), [...new Set(needed)].sort());
        });
    });
}

describe("deployer permissions across stacks", () => {
    it("every row of deployActionsByResourceType and previewReads is planned by a stack", () => {
        const plans = plannedStacks.map(planOf);
        const used = new Set(plans.flatMap((plan) => [...plan.resources.map((resource) => resource.type), ...plan.invokes]));
        for (const type of Object.keys(deployActionsByResourceType)) assert.ok(used.has(type), `${type} is planned`);
        for (const key of Object.keys(previewReads)) assert.ok(used.has(key), `${key} is planned or called`);
    });
});

describe("permissions boundary transform", () => {
    const arn = "arn:aws:iam::111111111111:policy/lakehouse-dev-permissions-boundary";
    const policy = { urn: "boundary" } as unknown as pulumi.Resource;
    const other = { urn: "other" } as unknown as pulumi.Resource;
    const transform = permissionsBoundaryTransform(arn, policy);
    const run = (type: string, props: Record<string, unknown>, opts: pulumi.ResourceOptions = {}) =>
        transform({ type, name: "etl", custom: true, props, opts });

    it("sets the boundary on a role and makes the role depend on the boundary policy, keeping its own dependencies", async () => {
        const result = await run(roleType, { assumeRolePolicy: "{}" }, { dependsOn: [other] });
        assert.equal(result?.props["permissionsBoundary"], arn);
        assert.deepEqual(result?.opts?.dependsOn, [other, policy]);
    });

    it("leaves resources other than roles alone", async () => {
        assert.equal(await run("aws:iam/rolePolicy:RolePolicy", { role: "etl" }), undefined);
    });

    it("accepts a role that already names the boundary and refuses one with another boundary", async () => {
        assert.equal((await run(roleType, { permissionsBoundary: arn }))?.props["permissionsBoundary"], arn);
        assert.throws(
            () => run(roleType, { permissionsBoundary: "arn:aws:iam::aws:policy/AdministratorAccess" }),
            /role etl sets the permissions boundary arn:aws:iam::aws:policy\/AdministratorAccess; every role of this stack must carry/,
        );
    });
});

describe("deployer permissions cover the provider's calls (everything stack)", () => {
    const region = "eu-west-1";
    const arn = (service: string, resource: string): string => `arn:aws:${service}:${region}:${account}:${resource}`;
    /** Allowed when a statement names the action and a resource pattern covering the ARN; conditions are the tags the stack sets. */
    const granted = (action: string, resource: string): boolean =>
        planned("everything").deployStatements.some(
            (statement) =>
                statement["Effect"] === "Allow" &&
                list(statement["Action"]).some((pattern) => iamPatternMatches(pattern, action)) &&
                list(statement["Resource"]).some((pattern) => iamPatternMatches(pattern, resource)),
        );
    // Calls the Terraform AWS provider makes, with a resource of the type the IAM reference says each is authorized on.
    const calls: readonly [string, string, string][] = [
        [
            "a dataset's every read",
            "quicksight:DescribeDataSetRefreshProperties",
            arn("quicksight", "dataset/lakehouse-everything-gold-daily-sales"),
        ],
        ["creating a data source (no resource type)", "quicksight:CreateDataSource", "*"],
        ["creating the VPC connection (no resource type)", "quicksight:CreateVPCConnection", "*"],
        [
            "reading the VPC connection",
            "quicksight:DescribeVPCConnection",
            arn("quicksight", "vpcConnection/lakehouse-everything-warehouse"),
        ],
        [
            "deleting the VPC connection",
            "quicksight:DeleteVPCConnection",
            arn("quicksight", "vpcConnection/lakehouse-everything-warehouse"),
        ],
        ["creating a Data Quality ruleset (no resource type)", "glue:CreateDataQualityRuleset", "*"],
        [
            "deleting a database, which covers its functions",
            "glue:DeleteDatabase",
            arn("glue", "userDefinedFunction/lakehouse_everything_gold/*"),
        ],
        ["removing a notification rule's targets (no resource type)", "codestar-notifications:DeleteTarget", "*"],
        ["reading a role's inline policies", "iam:GetRolePolicy", `arn:aws:iam::${account}:role/lakehouse-everything-glue-bronze`],
        ["unsubscribing an email from a topic", "sns:Unsubscribe", arn("sns", "lakehouse-everything-alerts")],
        ["reading the VPC's DNS attributes", "ec2:DescribeVpcAttribute", arn("ec2", "vpc/vpc-0123456789abcdef0")],
        ["waiting for a subnet's interfaces on delete", "ec2:DescribeNetworkInterfaces", "*"],
        ["setting the account's catalog encryption", "glue:PutDataCatalogEncryptionSettings", arn("glue", "catalog")],
    ];
    for (const [what, action, resource] of calls) {
        it(`${what}: ${action} is granted`, () => assert.ok(granted(action, resource), `${action} on ${resource}`));
    }

    it("a data source created without request tags, or a dataset's refresh schedules listed, are not granted", () => {
        const tagged = planned("everything").deployStatements.find((statement) =>
            list(statement["Action"]).includes("quicksight:CreateDataSource"),
        );
        assert.deepEqual(tagged?.["Condition"], {
            StringEquals: { "aws:RequestTag/project": "lakehouse", "aws:RequestTag/environment": "prod" },
        });
        assert.ok(!granted("quicksight:ListRefreshSchedules", "*"));
    });
});

describe("what a preview reads", () => {
    it("reading a gold table also reads its partition indexes, as the provider's table lookup does", () => {
        assert.deepEqual(
            previewReads["aws:glue/getCatalogTable:getCatalogTable"].map((read) => read.action),
            ["glue:GetTable", "glue:GetPartitionIndexes"],
        );
    });

    it("the prod preview role may read the gold tables' definitions and partition indexes, and the catalog's encryption", () => {
        const readOnly = ofType(planOf("prod").resources, "aws:iam/rolePolicy:RolePolicy").find((policy) =>
            policy.name.endsWith("-deployer-read-only"),
        );
        const actions = statementsOf(readOnly?.inputs["policy"]).flatMap((statement) => list(statement["Action"]));
        for (const action of ["glue:GetTable", "glue:GetPartitionIndexes", "glue:GetDataCatalogEncryptionSettings"]) {
            assert.ok(actions.includes(action), action);
        }
    });
});
