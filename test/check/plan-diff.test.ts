import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import type { PlannedResource } from "../../harness/evaluate";
import { diffPlans, diffSummary, formatDiffMarkdown } from "../../tools/check/plan-diff";

const urn = (type: string, name: string, parent = ""): string => `urn:pulumi:prod::lakehouse::${parent}${type}::${name}`;
const resource = (type: string, name: string, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource => ({
    urn: urn(type, name),
    type,
    name,
    custom: true,
    inputs,
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    ...extra,
});

const bucket = resource("aws:s3/bucket:Bucket", "lake-gold", { bucket: "lakehouse-prod-gold-1a2b3c4d", forceDestroy: false });
const role = resource("aws:iam/role:Role", "etl-gold", {
    name: "lakehouse-prod-glue-gold",
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});
const policy = (actions: string[]) =>
    resource("aws:iam/rolePolicy:RolePolicy", "etl-gold", {
        role: "lakehouse-prod-glue-gold",
        policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "ReadObjects", Effect: "Allow", Action: actions, Resource: "arn:aws:s3:::lakehouse-prod-silver-5e6f7a8b/*" },
                { Sid: "WriteObjects", Effect: "Allow", Action: ["s3:PutObject"], Resource: "arn:aws:s3:::lakehouse-prod-gold-1a2b3c4d/*" },
            ],
        }),
    });

describe("the offline plan diff", () => {
    it("an unchanged plan has no changes", () => {
        assert.deepEqual(diffPlans([bucket, role], [bucket, role]), []);
        assert.equal(diffSummary([]), "no changes");
    });

    it("reports a resource only the working tree plans as added, and one only the base plans as removed", () => {
        const changes = diffPlans([bucket], [role]);
        assert.deepEqual(changes.map((change) => `${change.kind} ${change.name}`).sort(), ["add etl-gold", "remove lake-gold"]);
        assert.equal(diffSummary(changes), "1 to add, 1 to remove");
    });

    it("reports a changed input the provider updates in place as an update, naming the property and both values", () => {
        const after = resource("aws:s3/bucket:Bucket", "lake-gold", { bucket: "lakehouse-prod-gold-1a2b3c4d", forceDestroy: true });
        const [change] = diffPlans([bucket], [after]);
        assert.equal(change?.kind, "update");
        assert.deepEqual(change?.properties, [{ path: "forceDestroy", before: false, after: true, replaces: false }]);
    });

    it("reports a changed input the provider cannot update (a bucket's name) as a replacement", () => {
        const renamed = resource("aws:s3/bucket:Bucket", "lake-gold", { bucket: "lakehouse-prod-gold-9f9f9f9f", forceDestroy: false });
        const [change] = diffPlans([bucket], [renamed]);
        assert.equal(change?.kind, "replace");
        assert.deepEqual(change?.properties, [
            { path: "bucket", before: "lakehouse-prod-gold-1a2b3c4d", after: "lakehouse-prod-gold-9f9f9f9f", replaces: true },
        ]);
    });

    it("compares policy documents as documents: statements by Sid, actions as the items added and removed", () => {
        const [change] = diffPlans([policy(["s3:GetObject"])], [policy(["s3:GetObject", "s3:GetObjectVersion"])]);
        assert.deepEqual(change?.properties, [
            { path: "policy.Statement[Sid=ReadObjects].Action", after: ["s3:GetObjectVersion"], replaces: false },
        ]);
    });

    it("a changed URN (a moved or renamed resource) deletes and creates unless an alias names the old URN", () => {
        const moved = { ...bucket, urn: urn("aws:s3/bucket:Bucket", "lake-gold", "lakehouse:storage:SecureBucket$") };
        assert.deepEqual(
            diffPlans([bucket], [moved])
                .map((change) => change.kind)
                .sort(),
            ["add", "remove"],
        );
        const aliased = { ...moved, aliases: [bucket.urn] };
        const changes = diffPlans([bucket], [aliased]);
        assert.deepEqual(
            changes.map((change) => [change.kind, change.movedFrom]),
            [["update", bucket.urn]],
        );
    });

    it("shows protect and retainOnDelete changes, which decide what a delete does", () => {
        const [change] = diffPlans([bucket], [{ ...bucket, protect: true }]);
        assert.deepEqual(change?.properties, [{ path: "(option) protect", before: false, after: true, replaces: false }]);
    });

    it("renders a Markdown table a pull request can show", () => {
        const markdown = formatDiffMarkdown("Plan diff of stack `prod`", diffPlans([bucket], [{ ...bucket, protect: true }, role]));
        assert.match(markdown, /\*\*1 to add, 1 to update\*\*/);
        assert.match(markdown, /\| update \| `aws:s3\/bucket:Bucket` \| lake-gold \| `\(option\) protect`: false → true \|/);
    });
});

describe("check --diff-base", () => {
    it("plans the stack at a git ref and at the working tree and prints what differs", () => {
        const root = path.join(__dirname, "..", "..");
        const result = spawnSync(
            process.execPath,
            ["-r", "ts-node/register", "tools/check/main.ts", "--stack", "dev", "--diff-base", "HEAD"],
            {
                cwd: root,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            },
        );
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^Plan diff of stack "dev": HEAD -> working tree: /m);
    });

    it("names a ref that does not exist as a usage problem (exit 2)", () => {
        const root = path.join(__dirname, "..", "..");
        const result = spawnSync(
            process.execPath,
            ["-r", "ts-node/register", "tools/check/main.ts", "--stack", "dev", "--diff-base", "no-such-ref-anywhere"],
            {
                cwd: root,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            },
        );
        assert.equal(result.status, 2);
        assert.match(result.stderr, /cannot plan no-such-ref-anywhere/);
    });
});
