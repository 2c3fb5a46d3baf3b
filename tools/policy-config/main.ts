/**
 * Writes the policy configuration a stack runs with, for `pulumi preview|up --policy-pack policies
 * --policy-pack-config FILE`: the pack's defaults for the stack file's lakehouse:environment, with
 * policies/config/<stack>.json laid over them where that file exists.
 *   npm run -s policy-config -- --stack NAME [--stack-file FILE] [--out FILE]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { loadStackConfig, StackFileError } from "../../harness/stack-files";
import { loadPolicyConfig, PolicyConfigError } from "../../policies/offline";

const usage = "usage: npm run -s policy-config -- --stack NAME [--stack-file FILE] [--out FILE]";

function main(argv: string[]): number {
    const { values } = parseArgs({
        args: argv,
        options: { stack: { type: "string" }, "stack-file": { type: "string" }, out: { type: "string" }, help: { type: "boolean" } },
    });
    if (values.help) {
        console.log(usage);
        return 0;
    }
    if (!values.stack) throw new PolicyConfigError(`--stack is required\n${usage}`);
    const projectDir = path.join(__dirname, "..", "..");
    const stack = loadStackConfig(projectDir, values.stack, values["stack-file"]);
    const environment = stack.values["lakehouse:environment"];
    const text = `${JSON.stringify(loadPolicyConfig(values.stack, environment), null, 2)}\n`;
    if (values.out) fs.writeFileSync(values.out, text);
    else process.stdout.write(text);
    return 0;
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (error) {
    // Bad input gets its message, not a stack trace.
    if (
        error instanceof PolicyConfigError ||
        error instanceof StackFileError ||
        (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
        console.error(`policy-config: ${(error as Error).message}`);
        process.exitCode = 2;
    } else {
        throw error;
    }
}
