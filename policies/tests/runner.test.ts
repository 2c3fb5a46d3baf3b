import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { normaliseMarkdown, renderRulesMarkdown, RULES_MD } from "../rules-table";
import { catalog } from "../catalog";
import {
    formatFindingsMarkdown,
    formatFindingsTable,
    loadPolicyConfig,
    parseResourceDocument,
    PolicyConfigError,
    ResourceDocumentError,
    runPolicies,
    type Finding,
} from "../offline";
import { environmentPolicyConfig, overridePolicyConfig } from "../runner/policy-config";
import { keyResource, resource, UNKNOWN, urnOf } from "./harness";

const weakKey = keyResource("data-key", { enableKeyRotation: false });
const ROTATION = "kms-key-rotation-is-enabled";
const rotationOnly = (findings: Finding[]) => findings.filter((finding) => finding.policy === ROTATION);

describe("offline runner", () => {
    describe("parseResourceDocument", () => {
        it("reads a pulumi stack export document and takes the stack from the URNs", () => {
            const text = JSON.stringify({
                version: 3,
                deployment: {
                    manifest: {},
                    resources: [
                        {
                            urn: "urn:pulumi:prod::lakehouse::pulumi:pulumi:Stack::lakehouse-prod",
                            type: "pulumi:pulumi:Stack",
                            custom: false,
                        },
                        {
                            ...weakKey,
                            protect: true,
                            retainOnDelete: true,
                            dependencies: [],
                            parent: "urn:pulumi:prod::lakehouse::pulumi:pulumi:Stack::lakehouse-prod",
                        },
                    ],
                },
            });
            const document = parseResourceDocument(text, "export.json");
            assert.equal(document.kind, "stack-export");
            assert.equal(document.stack, "prod");
            assert.equal(document.resources.length, 2);
            assert.equal(document.resources[1].protect, true);
            assert.equal(document.resources[1].retainOnDelete, true);
            assert.deepEqual(document.resources[0].inputs, {});
        });

        it("reads pulumi preview --json output; the unknown sentinel reaches policies as an unknown value", () => {
            const key = { ...keyResource("data-key", { enableKeyRotation: UNKNOWN }) };
            const text = JSON.stringify({
                config: {},
                steps: [
                    { op: "create", urn: key.urn, newState: key },
                    { op: "delete", urn: urnOf("aws:kms/key:Key", "old"), oldState: keyResource("old") },
                ],
                changeSummary: { create: 1, delete: 1 },
            });
            const document = parseResourceDocument(text, "preview.json");
            assert.equal(document.kind, "preview-json");
            assert.equal(document.resources.length, 1);
            const findings = runPolicies(document.resources, { all: "mandatory" });
            const rotation = findings.filter((f) => f.policy === "kms-key-rotation-is-enabled");
            assert.equal(rotation.length, 1);
            assert.equal(rotation[0].enforcement, "mandatory");
            assert.match(rotation[0].message, /unknown during preview/);
        });

        it("rejects garbage with a message saying what was expected", () => {
            assert.throws(
                () => parseResourceDocument("not json", "x.json"),
                (error: Error) => {
                    assert.ok(error instanceof ResourceDocumentError);
                    assert.match(error.message, /x\.json is not valid JSON.*pulumi stack export/);
                    return true;
                },
            );
            assert.throws(() => parseResourceDocument('{"foo": 1}', "y.json"), /neither deployment\.resources nor steps/);
            assert.throws(() => parseResourceDocument("[1,2]", "z.json"), /not a JSON object/);
            assert.throws(
                () => parseResourceDocument('{"deployment": {"resources": [{"type": "x"}]}}', "w.json"),
                /deployment\.resources\[0\] has no string "urn"/,
            );
        });
    });

    describe("enforcement levels", () => {
        it("applies all, then per-policy levels, and skips disabled policies", () => {
            const config = { all: "advisory", "kms-key-rotation-is-enabled": { enforcementLevel: "mandatory" } };
            const findings = rotationOnly(runPolicies([weakKey], config));
            assert.equal(findings.length, 1);
            assert.equal(findings[0].enforcement, "mandatory");
            const disabled = rotationOnly(runPolicies([weakKey], { [ROTATION]: "disabled" }));
            assert.deepEqual(disabled, []);
            assert.equal(rotationOnly(runPolicies([weakKey], { all: "advisory" }))[0].enforcement, "advisory");
        });

        const levelOf = (config: Record<string, unknown>, name: string): unknown => {
            const entry = config[name];
            return typeof entry === "string" ? entry : (entry as { enforcementLevel?: string } | undefined)?.enforcementLevel;
        };

        it("prod and staging enforce every policy as mandatory", () => {
            for (const environment of ["prod", "staging"]) {
                const config = loadPolicyConfig(environment);
                for (const rule of catalog) assert.equal(levelOf(config, rule.name), "mandatory", `${rule.name} in ${environment}`);
            }
        });

        it("dev lowers exactly the hygiene rules to advisory: attachments, versioning, access logs, audit logs, VPC routing, rotation, PITR, flow logs, tags", () => {
            const dev = loadPolicyConfig("dev");
            const advisory = catalog.filter((rule) => levelOf(dev, rule.name) === "advisory").map((rule) => rule.name);
            assert.deepEqual(advisory.sort(), [
                "dynamodb-table-has-point-in-time-recovery",
                "iam-policy-attachments-have-a-single-manager",
                "network-vpc-has-flow-logs",
                "redshift-serverless-namespace-exports-audit-logs",
                "redshift-serverless-workgroup-uses-enhanced-vpc-routing",
                "s3-bucket-has-access-logging",
                "s3-bucket-has-versioning",
                "secretsmanager-secret-has-rotation",
                "tagging-required-tags-are-present",
            ]);
            for (const rule of catalog) assert.ok(["advisory", "mandatory"].includes(String(levelOf(dev, rule.name))), rule.name);
        });

        it("a stack named anything runs with its environment's configuration and needs no file of its own", () => {
            assert.deepEqual(loadPolicyConfig("analytics-platform-production-eu-west-1x", "prod"), loadPolicyConfig("prod"));
            const retention = loadPolicyConfig("team-sandbox", "dev")["logs-log-group-has-retention"] as Record<string, unknown>;
            assert.equal(retention.minimumRetentionDays, 14);
            assert.equal(
                (loadPolicyConfig("eu-prod", "prod")["logs-log-group-has-retention"] as Record<string, unknown>).minimumRetentionDays,
                365,
            );
        });

        it("a stack that does not say its environment, or names an unknown one, is a clear error", () => {
            assert.throws(
                () => loadPolicyConfig("nope"),
                (error: Error) =>
                    error instanceof PolicyConfigError &&
                    /Stack "nope" does not say its environment \(lakehouse:environment/.test(error.message),
            );
            assert.throws(
                () => loadPolicyConfig("nope", "production"),
                (error: Error) =>
                    error instanceof PolicyConfigError && /"production", which is not one of dev, staging, prod/.test(error.message),
            );
        });

        it("a stack's own file overrides its environment's levels and properties and adds exemptions to the standing ones", () => {
            const base = environmentPolicyConfig("prod");
            const merged = overridePolicyConfig(base, {
                "kms-key-rotation-is-enabled": "advisory",
                "logs-log-group-has-retention": { minimumRetentionDays: 30 },
                "secretsmanager-secret-has-rotation": { exemptions: [{ resource: "urn:*::extra", reason: "a long enough reason" }] },
            });
            assert.equal(levelOf(merged, "kms-key-rotation-is-enabled"), "advisory");
            assert.deepEqual(merged["logs-log-group-has-retention"], { enforcementLevel: "mandatory", minimumRetentionDays: 30 });
            const exemptions = (merged["secretsmanager-secret-has-rotation"] as { exemptions: { resource: string }[] }).exemptions;
            assert.equal(exemptions.length, 4);
            assert.equal(exemptions[3].resource, "urn:*::extra");
            assert.equal(levelOf(overridePolicyConfig(base, { all: "advisory" }), "iam-actions-exist"), "advisory");
        });

        it("a config that breaks a policy's schema is rejected like the engine does", () => {
            assert.throws(
                () =>
                    runPolicies([weakKey], {
                        "kms-key-rotation-is-enabled": { exemptions: [{ reason: "no resource given" }] },
                    }),
                /kms-key-rotation-is-enabled\.exemptions\[0\]: resource is required/,
            );
        });
    });

    describe("exemptions", () => {
        const exemption = (reason: string) => ({
            "kms-key-rotation-is-enabled": {
                exemptions: [{ resource: "urn:pulumi:prod::lakehouse::aws:kms/key:Key::data-*", reason }],
            },
        });

        it("an exemption with a reason reports the finding as exempted and advisory, never drops it", () => {
            const findings = rotationOnly(runPolicies([weakKey], exemption("Imported key, rotation managed by the security team.")));
            assert.equal(findings.length, 1);
            assert.equal(findings[0].enforcement, "advisory");
            assert.deepEqual(findings[0].exempted, { reason: "Imported key, rotation managed by the security team." });
        });

        it("an exemption without a valid reason is itself a mandatory finding", () => {
            const findings = rotationOnly(runPolicies([weakKey], { all: "advisory", ...exemption("because") }));
            assert.equal(findings.length, 1);
            assert.equal(findings[0].enforcement, "mandatory");
            assert.equal(findings[0].exempted, undefined);
            assert.match(findings[0].message, /does not apply because it has no reason of at least 10 characters/);
        });

        it("an exemption for another resource does not apply", () => {
            const other = {
                "kms-key-rotation-is-enabled": {
                    exemptions: [{ resource: "urn:*::other", reason: "a long enough reason" }],
                },
            };
            assert.equal(rotationOnly(runPolicies([weakKey], other))[0].exempted, undefined);
        });
    });

    describe("formatting", () => {
        it("renders a console table and a Markdown summary", () => {
            const findings = runPolicies(
                [
                    weakKey,
                    resource("aws:iam/policy:Policy", "p", {
                        policy: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
                    }),
                ],
                {},
            );
            const table = formatFindingsTable(findings);
            assert.match(table, /LEVEL\s+SEVERITY\s+POLICY/);
            assert.match(table, /kms-key-rotation-is-enabled/);
            const markdown = formatFindingsMarkdown(findings, "Policy check: prod");
            assert.match(markdown, /^## Policy check: prod/);
            assert.match(markdown, /\| mandatory \| high \| `kms-key-rotation-is-enabled` \| `data-key` \(aws:kms\/key:Key\) \|/);
            assert.equal(formatFindingsTable([]), "No policy violations.");
        });
    });
});

describe("pack documentation and coverage", () => {
    it("RULES.md is generated from the catalog", () => {
        assert.equal(normaliseMarkdown(fs.readFileSync(RULES_MD, "utf8")), normaliseMarkdown(renderRulesMarkdown(catalog)));
    });

    it("every rule has its own spec", () => {
        const specs = fs
            .readdirSync(path.join(__dirname, "rules"), { recursive: true, encoding: "utf8" })
            .filter((file) => file.endsWith(".test.ts"))
            .map((file) => fs.readFileSync(path.join(__dirname, "rules", file), "utf8"));
        for (const rule of catalog) {
            assert.ok(
                specs.some((text) => text.includes(`const RULE = "${rule.name}"`)),
                `${rule.name} has no spec`,
            );
        }
    });

    it("policy names are unique and not the reserved name all", () => {
        const names = catalog.map((rule) => rule.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok(!names.includes("all"));
    });
});
