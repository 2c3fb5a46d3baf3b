export class UsageError extends Error {}

export interface CostArguments {
    readonly stack: string;
    /** A stack file kept anywhere; the stack name defaults to NAME of `Pulumi.NAME.yaml`. */
    readonly stackFile?: string;
    readonly json?: string;
    readonly markdown?: string;
    /** A usage file; without one, `tools/cost/usage/<stack>.yaml` when it exists, else the profile's defaults. */
    readonly usage?: string;
    /** A git ref: print what the working tree changes in the monthly cost against it. */
    readonly diffBase?: string;
}

export const usage = [
    "usage: npm run cost -- --stack NAME [--stack-file FILE] [--usage FILE] [--diff-base REF] [--json FILE] [--markdown FILE]",
    "",
    "  --stack NAME       evaluate Pulumi.NAME.yaml offline and itemise its monthly cost",
    "  --stack-file FILE  evaluate this stack file instead (kept anywhere; NAME defaults to Pulumi.NAME.yaml's)",
    "  --usage FILE       usage assumptions (YAML); default tools/cost/usage/NAME.yaml, else the profile's defaults",
    "  --diff-base REF    print the monthly difference the working tree makes against git ref REF, line by line",
    "  --json FILE        also write the report (and the diff) as JSON",
    "  --markdown FILE    also write the report (or the diff) as Markdown (PR comment, job summary)",
].join("\n");

const flags = ["--stack", "--stack-file", "--json", "--markdown", "--usage", "--diff-base"] as const;
type Flag = (typeof flags)[number];

export function parseArguments(argv: readonly string[]): CostArguments | "help" {
    if (argv.includes("--help") || argv.includes("-h")) return "help";
    const values: Partial<Record<Flag, string>> = {};
    for (let index = 0; index < argv.length; index += 2) {
        const flag = argv[index] as Flag;
        if (!flags.includes(flag)) throw new UsageError(`unknown argument "${argv[index]}"`);
        const value = argv[index + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
        if (values[flag] !== undefined) throw new UsageError(`${flag} given twice`);
        values[flag] = value;
    }
    const stackFile = values["--stack-file"];
    let stack = values["--stack"];
    if (stack === undefined && stackFile !== undefined) {
        const named = /^Pulumi\.([^/\\]+)\.ya?ml$/.exec(stackFile.split(/[/\\]/).pop() ?? "");
        if (!named) throw new UsageError(`cannot tell the stack name from "${stackFile}"; name it Pulumi.NAME.yaml or pass --stack NAME`);
        stack = named[1];
    }
    if (stack === undefined) throw new UsageError("give --stack NAME or --stack-file FILE");
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UsageError(`"${stack}" is not a stack name (letters, digits, _ . -)`);
    return {
        stack,
        stackFile,
        json: values["--json"],
        markdown: values["--markdown"],
        usage: values["--usage"],
        diffBase: values["--diff-base"],
    };
}
