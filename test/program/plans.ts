import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { evaluatePlan, type PlannedResource, type PlanResult } from "../../harness/evaluate";

const cache = new Map<string, PlanResult>();

/** Stack files kept for the tests only, such as `everything` with every optional feature on. */
const testStacksDir = path.join(__dirname, "..", "stacks");

/** The stacks every plan-wide rule is checked on: the committed dev and prod, and every optional feature on. */
export const plannedStacks = ["dev", "prod", "everything"] as const;

/** The offline plan of a committed stack file (or one under test/stacks/), evaluated once per test run. */
export function planOf(stack: string): { resources: PlannedResource[]; outputs: Record<string, unknown>; invokes: string[] } {
    let result = cache.get(stack);
    if (!result) {
        const testStackFile = path.join(testStacksDir, `Pulumi.${stack}.yaml`);
        result = evaluatePlan(stack, fs.existsSync(testStackFile) ? { stackFile: testStackFile } : {});
        cache.set(stack, result);
    }
    if (result.kind !== "plan") throw new Error(`stack ${stack} did not plan: ${JSON.stringify(result)}`);
    return result;
}

/** The plan of a committed stack in an account where the ETL has not run and no secret is filled yet. */
export function firstDeployPlanOf(stack: string): PlanResult {
    return worldPlanOf(stack, { firstDeploy: true });
}

/** The plan of a committed stack in an account without some gold tables (a release adding a table meets one). */
export function worldPlanOf(stack: string, world: { firstDeploy?: boolean; missingTables?: readonly string[] }): PlanResult {
    const testStackFile = path.join(testStacksDir, `Pulumi.${stack}.yaml`);
    return evaluatePlan(stack, { ...world, ...(fs.existsSync(testStackFile) ? { stackFile: testStackFile } : {}) });
}

/** Evaluates a stack file written on the fly (for broken or unusual stacks). */
export function planOfStackFile(stack: string, config: Record<string, unknown>): PlanResult {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lakehouse-stack-"));
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    fs.writeFileSync(file, stringify({ config }));
    try {
        return evaluatePlan(stack, { stackFile: file });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The least a dev stack file needs, without the delivery pipeline (which needs a connection). */
export const minimalDevStackConfig: Readonly<Record<string, unknown>> = {
    "aws:region": "eu-west-1",
    "lakehouse:environment": "dev",
    "lakehouse:owner": "team",
    "lakehouse:costCenter": "cc-1",
    "lakehouse:pipelineEnabled": false,
};

export const ofType = (resources: PlannedResource[], ...types: string[]): PlannedResource[] =>
    resources.filter((resource) => types.includes(resource.type));

/** The custom resources whose `bucket` input names the given bucket. */
export function settingsOf(resources: PlannedResource[], bucket: PlannedResource, type: string): PlannedResource[] {
    return ofType(resources, type).filter((resource) => resource.inputs["bucket"] === bucket.outputs["bucket"]);
}
