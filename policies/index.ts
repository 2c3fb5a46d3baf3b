/**
 * The CrossGuard policy pack served to `pulumi preview --policy-pack policies`. This file only
 * assembles: constructing PolicyPack starts the analyzer's gRPC server, so rules, tests and the
 * offline runner import catalog.ts, never this file.
 */
import { PolicyPack } from "@pulumi/policy";
import { catalog, PACK_NAME } from "./catalog";
import { DEFAULT_ENFORCEMENT } from "./framework/policy-factory";

new PolicyPack(PACK_NAME, {
    enforcementLevel: DEFAULT_ENFORCEMENT,
    description: "Encryption, least-privilege IAM and data-protection guardrails for the lakehouse platform.",
    policies: catalog.map((rule) => rule.policy),
});
