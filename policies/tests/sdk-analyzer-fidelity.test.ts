/**
 * Drives the installed @pulumi/policy analyzer server functions (the code `pulumi preview`
 * talks to over gRPC) with real protobuf requests, and checks that our policies behave there as
 * in the offline runner: unknowns arrive as the SDK's sentinels and still yield mandatory
 * violations (never the SDK's advisory "can't run during preview"), and the object form of
 * reportViolation keeps its per-finding enforcement level.
 */
import * as assert from "node:assert/strict";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import * as server from "@pulumi/policy/server";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { ruleNamed, UNKNOWN, urnOf } from "./harness";

interface Diagnostic {
    getPolicyname(): string;
    getMessage(): string;
    getEnforcementlevel(): number;
}
interface AnalyzeResponse {
    getDiagnosticsList(): Diagnostic[];
}
type AnalyzeRpc = (call: { request: unknown }, callback: (error: unknown, response?: AnalyzeResponse) => void) => void;
interface ServerModule {
    makeAnalyzeRpcFun(packName: string, version: string, level: string, policies: ResourceValidationPolicy[]): AnalyzeRpc;
}
interface ProtoModule {
    AnalyzeRequest: new () => {
        setType(v: string): void;
        setUrn(v: string): void;
        setName(v: string): void;
        setProperties(v: unknown): void;
        setOptions(v: unknown): void;
    };
    AnalyzerResourceOptions: new () => { setProtect(v: boolean): void };
    EnforcementLevel: Record<string, number>;
}

const sdkServer = server as unknown as ServerModule;
const proto = analyzerProto as unknown as ProtoModule;

function analyze(policyName: string, type: string, name: string, properties: Record<string, unknown>): Promise<Diagnostic[]> {
    const policy = ruleNamed(policyName).policy as ResourceValidationPolicy;
    const rpc = sdkServer.makeAnalyzeRpcFun("lakehouse-guardrails", "0.1.0", "mandatory", [policy]);
    const request = new proto.AnalyzeRequest();
    request.setType(type);
    request.setUrn(urnOf(type, name));
    request.setName(name);
    request.setProperties(structProto.Struct.fromJavaScript(properties as Record<string, structProto.JavaScriptValue>));
    const options = new proto.AnalyzerResourceOptions();
    options.setProtect(false);
    request.setOptions(options);
    return new Promise((resolve, reject) =>
        rpc({ request }, (error, response) => (error ? reject(error as Error) : resolve(response?.getDiagnosticsList() ?? []))),
    );
}

describe("policies inside the @pulumi/policy analyzer server", () => {
    it("an unknown rotation flag is a mandatory violation, not the SDK's advisory skip", async () => {
        const diagnostics = await analyze("kms-key-rotation-is-enabled", "aws:kms/key:Key", "data-key", { enableKeyRotation: UNKNOWN });
        assert.equal(diagnostics.length, 1);
        assert.equal(diagnostics[0].getEnforcementlevel(), proto.EnforcementLevel.MANDATORY);
        assert.match(diagnostics[0].getMessage(), /cannot be verified/);
        assert.doesNotMatch(diagnostics[0].getMessage(), /can't run/);
    });

    it("a compliant resource yields no diagnostic", async () => {
        assert.deepEqual(await analyze("kms-key-rotation-is-enabled", "aws:kms/key:Key", "data-key", { enableKeyRotation: true }), []);
    });

    it("a violation carries the policy name and our sentence", async () => {
        const diagnostics = await analyze("lambda-permission-is-not-public", "aws:lambda/permission:Permission", "p", { principal: "*" });
        assert.equal(diagnostics[0].getPolicyname(), "lambda-permission-is-not-public");
        assert.match(diagnostics[0].getMessage(), /must not let everyone invoke the function/);
    });
});
