import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlanResult } from "./offline-plan";

export type { PlannedResource, PlanResult } from "./offline-plan";

export class PlanEvaluationError extends Error {
    constructor(
        message: string,
        readonly exitCode: number,
    ) {
        super(message);
        this.name = "PlanEvaluationError";
    }
}

export interface EvaluateOptions {
    /** Stack file to use instead of Pulumi.<stack>.yaml (tests pass broken copies). */
    readonly stackFile?: string;
    readonly projectDir?: string;
    /** Plan against an account where the ETL has not run and no person has filled a secret yet. */
    readonly firstDeploy?: boolean;
    /** Plan against an account that lacks these gold tables (a release adding a table meets one). */
    readonly missingTables?: readonly string[];
}

/**
 * Evaluates the program for one stack offline, in a fresh Node process because the Pulumi
 * SDK's runtime state is global and cannot host two stacks.
 */
export function evaluatePlan(stack: string, options: EvaluateOptions = {}): PlanResult {
    const projectDir = options.projectDir ?? path.join(__dirname, "..");
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lakehouse-plan-")), "plan.json");
    const args = [
        "-r",
        "ts-node/register",
        path.join(__dirname, "evaluate-worker.ts"),
        "--stack",
        stack,
        "--out",
        out,
        "--project-dir",
        projectDir,
    ];
    if (options.stackFile) args.push("--stack-file", options.stackFile);
    if (options.firstDeploy) args.push("--first-deploy");
    if (options.missingTables?.length) args.push("--missing-tables", options.missingTables.join(","));
    const child = spawnSync(process.execPath, args, {
        cwd: projectDir,
        encoding: "utf8",
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_PROJECT: path.join(projectDir, "tsconfig.json") },
    });
    try {
        if (child.status !== 0) {
            throw new PlanEvaluationError(
                child.stderr.trim() || `the plan worker exited with ${String(child.status ?? child.signal)}`,
                child.status ?? 3,
            );
        }
        return JSON.parse(fs.readFileSync(out, "utf8")) as PlanResult;
    } finally {
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
}
