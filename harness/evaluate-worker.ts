/**
 * Child-process entry of the offline plan: evaluates one stack and writes the PlanResult as
 * JSON to the file given by --out. Exit 0 on a plan or a config error (both are results),
 * 2 when the stack files cannot be read, 3 when the program itself failed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluateStack } from "./offline-plan";
import { loadStackConfig, StackFileError } from "./stack-files";

async function main(): Promise<number> {
    const args = process.argv.slice(2);
    const option = (flag: string): string | undefined => {
        const index = args.indexOf(flag);
        return index >= 0 ? args[index + 1] : undefined;
    };
    const stack = option("--stack");
    const out = option("--out");
    const projectDir = path.resolve(option("--project-dir") ?? path.join(__dirname, ".."));
    if (!stack || !out) {
        process.stderr.write(
            "usage: evaluate-worker --stack NAME --out FILE [--project-dir DIR] [--stack-file FILE] [--first-deploy] [--missing-tables T1,T2]\n",
        );
        return 2;
    }
    try {
        const config = loadStackConfig(projectDir, stack, option("--stack-file"));
        const result = await evaluateStack(path.join(projectDir, "index.ts"), config, {
            firstDeploy: args.includes("--first-deploy"),
            missingTables: option("--missing-tables")?.split(",") ?? [],
        });
        fs.writeFileSync(out, JSON.stringify(result));
        return 0;
    } catch (error) {
        process.stderr.write(
            `${error instanceof StackFileError ? "" : "the program failed: "}${(error as Error).stack ?? String(error)}\n`,
        );
        return error instanceof StackFileError ? 2 : 3;
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(3);
    },
);
