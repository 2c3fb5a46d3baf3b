import { strict as assert } from "node:assert";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadPolicyConfig, runPolicies, type ExportedResource, type Finding } from "../../policies/offline";
import { toStackExport, type StackExportDocument } from "../../tools/check/stack-export";
import { planOf } from "../program/plans";

const projectDir = path.join(__dirname, "..", "..");

function prodDocument(): StackExportDocument {
    const { resources } = planOf("prod");
    return toStackExport("lakehouse", "prod", resources, new Date(0));
}

function mandatory(resources: ExportedResource[]): Finding[] {
    return runPolicies(resources, loadPolicyConfig("prod")).filter((finding) => finding.enforcement === "mandatory" && !finding.exempted);
}

function clone(document: StackExportDocument): ExportedResource[] {
    return JSON.parse(JSON.stringify(document.deployment.resources)) as ExportedResource[];
}

function find(resources: ExportedResource[], type: string, nameSuffix: string): ExportedResource {
    const found = resources.find((resource) => resource.type === type && resource.urn.endsWith(nameSuffix));
    assert.ok(found, `no ${type} ending ${nameSuffix}`);
    return found;
}

/** Changes a property the way a weakened state would show it: in inputs and outputs alike. */
function weaken(resource: ExportedResource, key: string, value: unknown): void {
    resource.inputs[key] = value;
    if (resource.outputs) resource.outputs[key] = value;
}

/** A role and inline policy added to a document, as a careless change would add them. */
function withRole(resources: ExportedResource[], policy: object, attachments: string[] = []): ExportedResource[] {
    const prefix = "urn:pulumi:prod::lakehouse::";
    const role: ExportedResource = {
        urn: `${prefix}aws:iam/role:Role::careless`,
        type: "aws:iam/role:Role",
        custom: true,
        inputs: {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
            tags: { environment: "prod", owner: "o", "cost-center": "c", project: "lakehouse" },
            permissionsBoundary: "arn:aws:iam::111111111111:policy/lakehouse-prod-permissions-boundary",
        },
        outputs: { name: "careless", arn: "arn:aws:iam::111111111111:role/careless" },
    };
    const inline: ExportedResource = {
        urn: `${prefix}aws:iam/rolePolicy:RolePolicy::careless`,
        type: "aws:iam/rolePolicy:RolePolicy",
        custom: true,
        inputs: { role: "careless", policy: JSON.stringify(policy) },
        outputs: {},
    };
    const attached = attachments.map((arn, index) => ({
        urn: `${prefix}aws:iam/rolePolicyAttachment:RolePolicyAttachment::careless-${index}`,
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        custom: true,
        inputs: { role: "careless", policyArn: arn },
        outputs: {},
    }));
    return [...resources, role, inline, ...attached];
}

/** Runs `check --resources` on a document written to a temporary file. */
function checkResourcesDocument(document: unknown): SpawnSyncReturns<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lakehouse-document-"));
    try {
        const file = path.join(dir, "document.json");
        fs.writeFileSync(file, JSON.stringify(document));
        return spawnSync(process.execPath, ["-r", "ts-node/register", "tools/check/main.ts", "--resources", file], {
            cwd: projectDir,
            encoding: "utf8",
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
        });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe("the policy pack on the real prod stack", () => {
    it("the unmodified prod and dev stacks have no mandatory violation", () => {
        assert.deepEqual(mandatory(clone(prodDocument())), []);
        const dev = toStackExport("lakehouse", "dev", planOf("dev").resources, new Date(0));
        const devFindings = runPolicies(clone(dev), loadPolicyConfig("dev")).filter(
            (finding) => finding.enforcement === "mandatory" && !finding.exempted,
        );
        assert.deepEqual(devFindings, []);
    });

    it("every exemption that applies carries its reason", () => {
        const exempted = runPolicies(clone(prodDocument()), loadPolicyConfig("prod")).filter((finding) => finding.exempted);
        for (const finding of exempted) assert.ok((finding.exempted?.reason.length ?? 0) >= 10, finding.message);
    });

    it("dropping a bucket's encryption resource is reported for that bucket", () => {
        const resources = clone(prodDocument()).filter((resource) => !resource.urn.endsWith("::lakehouse-prod-lake-gold-encryption"));
        const findings = mandatory(resources);
        assert.deepEqual(
            findings.map((finding) => finding.policy),
            ["s3-bucket-is-encrypted-with-a-customer-managed-key"],
        );
        assert.match(findings[0].urn ?? "", /lakehouse-prod-lake-gold$/);
    });

    it("a public-access block with one flag off is reported", () => {
        const resources = clone(prodDocument());
        weaken(
            find(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "lake-silver-public-access"),
            "restrictPublicBuckets",
            false,
        );
        assert.deepEqual(
            mandatory(resources).map((finding) => finding.policy),
            ["s3-bucket-blocks-all-public-access"],
        );
    });

    it("KMS rotation turned off is reported for that key", () => {
        const resources = clone(prodDocument());
        weaken(find(resources, "aws:kms/key:Key", "keys-secrets"), "enableKeyRotation", false);
        const findings = mandatory(resources);
        assert.deepEqual(
            findings.map((finding) => finding.policy),
            ["kms-key-rotation-is-enabled"],
        );
        assert.match(findings[0].urn ?? "", /keys-secrets$/);
    });

    it("a bucket in prod that is not retained on delete is reported", () => {
        const resources = clone(prodDocument());
        const bucket = find(resources, "aws:s3/bucket:Bucket", "lake-bronze");
        bucket.protect = false;
        bucket.retainOnDelete = false;
        assert.deepEqual(
            mandatory(resources).map((finding) => finding.policy),
            ["data-protection-prod-data-resources-are-retained"],
        );
    });

    it("adding s3:* on * reports the action and the resource", () => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
        const policies = new Set(mandatory(withRole(clone(prodDocument()), policy)).map((finding) => finding.policy));
        assert.ok(policies.has("iam-actions-are-scoped-to-a-service-operation"), [...policies].join(", "));
        assert.ok(policies.has("iam-wildcard-resources-only-for-unscopable-actions"), [...policies].join(", "));
    });

    it("a role without the permissions boundary is reported", () => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] };
        const resources = withRole(clone(prodDocument()), policy);
        delete find(resources, "aws:iam/role:Role", "careless").inputs["permissionsBoundary"];
        assert.deepEqual(
            mandatory(resources).map((finding) => finding.policy),
            ["iam-roles-carry-the-permissions-boundary"],
        );
    });

    it("attaching AdministratorAccess is reported", () => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] };
        const resources = withRole(clone(prodDocument()), policy, ["arn:aws:iam::aws:policy/AdministratorAccess"]);
        assert.deepEqual(
            mandatory(resources).map((finding) => finding.policy),
            ["iam-managed-policies-are-not-administrative"],
        );
    });

    it("check --resources on a weakened copy exits 1 and names the rule and the resource", () => {
        const document = prodDocument();
        const resources = clone(document);
        weaken(find(resources, "aws:s3/bucketVersioning:BucketVersioning", "lake-landing-versioning"), "versioningConfiguration", {
            status: "Suspended",
        });
        const child = checkResourcesDocument({ ...document, deployment: { ...document.deployment, resources } });
        assert.equal(child.status, 1, child.stderr);
        assert.match(child.stdout, /s3-bucket-has-versioning/);
        assert.match(child.stdout, /lakehouse-prod-lake-landing/);
    });

    it("check --resources on a document that is neither export nor preview exits 2 with what was expected", () => {
        const child = checkResourcesDocument({ hello: "world" });
        assert.equal(child.status, 2);
        assert.match(child.stderr, /pulumi stack export/);
    });
});
