import * as assert from "node:assert/strict";
import { ACCOUNT, check, resource, UNKNOWN, urnOf } from "../../harness";

const RULE = "iam-roles-carry-the-permissions-boundary";
const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/lakehouse-prod-permissions-boundary`;
const boundary = (outputs: Record<string, unknown> = { arn: BOUNDARY_ARN }) =>
    resource("aws:iam/policy:Policy", "boundary", { name: "lakehouse-prod-permissions-boundary", path: "/", policy: "{}" }, { outputs });
const role = (permissionsBoundary: unknown, extra = {}) =>
    resource(
        "aws:iam/role:Role",
        "etl",
        { assumeRolePolicy: "{}", ...(permissionsBoundary === undefined ? {} : { permissionsBoundary }) },
        extra,
    );

describe(RULE, () => {
    it("Compliance: a role carrying the ARN of a policy of this stack passes", () => {
        assert.deepEqual(check(RULE, [boundary(), role(BOUNDARY_ARN)]), []);
    });

    it("Compliance: during preview the ARN is matched by the policy's path and name", () => {
        assert.deepEqual(check(RULE, [boundary({ arn: UNKNOWN }), role(BOUNDARY_ARN)]), []);
    });

    it("Compliance: an unknown boundary computed from a policy of this stack passes", () => {
        const policy = boundary({ arn: UNKNOWN });
        assert.deepEqual(
            check(RULE, [
                policy,
                role(UNKNOWN, { dependencies: [policy.urn], propertyDependencies: { permissionsBoundary: [policy.urn] } }),
            ]),
            [],
        );
    });

    it("Compliance: a configured boundary from outside the stack passes", () => {
        const organisational = `arn:aws:iam::${ACCOUNT}:policy/org/workload-boundary`;
        assert.deepEqual(check(RULE, [role(organisational)], { [RULE]: { boundaryArns: [organisational] } }), []);
    });

    it("Noncompliance 1: a role without a boundary is reported", () => {
        const found = check(RULE, [boundary(), role(undefined)]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, urnOf("aws:iam/role:Role", "etl"));
        assert.match(found[0].message, /must carry a permissions boundary.*but it has none/);
    });

    it("Noncompliance 2: a boundary that is not a policy of this stack is reported", () => {
        const found = check(RULE, [boundary(), role("arn:aws:iam::aws:policy/AdministratorAccess")]);
        assert.match(found[0].message, /carries arn:aws:iam::aws:policy\/AdministratorAccess/);
    });

    it("Noncompliance 3: a policy of the same name under another path is not the boundary", () => {
        const found = check(RULE, [
            boundary({ arn: UNKNOWN }),
            role(`arn:aws:iam::${ACCOUNT}:policy/other/lakehouse-prod-permissions-boundary`),
        ]);
        assert.equal(found.length, 1);
    });

    it("Noncompliance 4: an unknown boundary not computed from a policy of this stack cannot be verified", () => {
        const found = check(RULE, [boundary(), role(UNKNOWN, { dependencies: [], propertyDependencies: { permissionsBoundary: [] } })]);
        assert.match(found[0].message, /cannot be verified/);
    });
});
