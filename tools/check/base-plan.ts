/**
 * The offline plan of the program as it was at a git ref: a temporary worktree of that commit,
 * sharing this checkout's node_modules, evaluated by this checkout's harness (so the two plans
 * differ only by what the ref and the working tree differ in).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluatePlan, type PlanResult } from "../../harness/evaluate";
import { withAssetContents } from "./plan-diff";

export class BaseRefError extends Error {}

function git(projectDir: string, args: readonly string[]): string {
    const result = spawnSync("git", args, { cwd: projectDir, encoding: "utf8" });
    if (result.status !== 0) throw new BaseRefError(`git ${args.join(" ")} failed: ${(result.stderr || result.stdout).trim()}`);
    return result.stdout.trim();
}

export interface BasePlanOptions {
    readonly projectDir: string;
    readonly ref: string;
    readonly stack: string;
    /** A stack file kept anywhere: both sides plan it. Without one, the ref's own `Pulumi.<stack>.yaml` is planned. */
    readonly stackFile?: string;
    readonly firstDeploy?: boolean;
}

/** The commit a ref names; throws BaseRefError naming the ref when there is none. */
export function commitOf(projectDir: string, ref: string): string {
    const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: projectDir, encoding: "utf8" });
    if (result.status !== 0)
        throw new BaseRefError(`"${ref}" names no commit of this repository (fetch it, or pass a branch, tag or commit)`);
    return result.stdout.trim();
}

/** The plan at `ref`, or `absent` when the ref has no stack file of that name (the change adds the stack). */
export function planAtRef(options: BasePlanOptions): PlanResult | "absent" {
    const commit = commitOf(options.projectDir, options.ref);
    const worktree = fs.mkdtempSync(path.join(os.tmpdir(), "lakehouse-base-"));
    git(options.projectDir, ["worktree", "add", "--detach", "--quiet", worktree, commit]);
    try {
        for (const modules of ["node_modules", path.join("policies", "node_modules")]) {
            const own = path.join(options.projectDir, modules);
            if (fs.existsSync(own) && !fs.existsSync(path.join(worktree, modules)))
                fs.symlinkSync(own, path.join(worktree, modules), "dir");
        }
        const stackFile = options.stackFile ? path.resolve(options.stackFile) : path.join(worktree, `Pulumi.${options.stack}.yaml`);
        if (!fs.existsSync(stackFile)) return "absent";
        const plan = evaluatePlan(options.stack, { projectDir: worktree, stackFile, firstDeploy: options.firstDeploy });
        // Asset paths point into the worktree, which goes away: keep what the assets hold instead.
        return plan.kind === "plan" ? { ...plan, resources: withAssetContents(plan.resources) } : plan;
    } finally {
        git(options.projectDir, ["worktree", "remove", "--force", worktree]);
    }
}
