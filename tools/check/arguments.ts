export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export interface CheckArguments {
    readonly stack?: string;
    /** A stack file kept anywhere; the stack name defaults to NAME of `Pulumi.NAME.yaml`. */
    readonly stackFile?: string;
    readonly resources?: string;
    readonly json?: string;
    readonly markdown?: string;
    /** A git ref to diff the plan against (the offline plan diff). */
    readonly diffBase?: string;
    /** Plan as a first deploy sees the account: no gold tables yet, no secret filled in. */
    readonly firstDeploy: boolean;
}

export const usage = [
    "usage: npm run check -- --stack NAME [--stack-file FILE] [--diff-base REF] [--first-deploy] [--json FILE] [--markdown FILE]",
    "       npm run check -- --resources FILE [--stack NAME] [--markdown FILE]",
    "",
    "  --stack NAME       evaluate the program offline for Pulumi.NAME.yaml and run the policy pack",
    "  --stack-file FILE  evaluate this stack file instead (kept anywhere; NAME defaults to Pulumi.NAME.yaml's)",
    "  --resources FILE   run the policy pack over a `pulumi stack export` or `pulumi preview --json` document",
    "  --json FILE        also write the evaluated resources in the `pulumi stack export` shape",
    "  --markdown FILE    also write the result as Markdown (PR comment, job summary)",
    "  --diff-base REF    print what the working tree changes in the stack's plan against git ref REF",
    "  --first-deploy     plan what a first deploy creates (before the ETL has run and anyone has filled a secret)",
].join("\n");

const flags = ["--stack", "--stack-file", "--resources", "--json", "--markdown", "--diff-base"] as const;
type Flag = (typeof flags)[number];

export function parseArguments(argv: readonly string[]): CheckArguments {
    const values: Partial<Record<Flag, string>> = {};
    const firstDeploy = argv.includes("--first-deploy");
    const pairs = argv.filter((argument) => argument !== "--first-deploy");
    for (let index = 0; index < pairs.length; index += 2) {
        const flag = pairs[index] as Flag;
        if (!flags.includes(flag)) throw new UsageError(`unknown argument "${pairs[index]}"`);
        const value = pairs[index + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
        if (values[flag] !== undefined) throw new UsageError(`${flag} given twice`);
        values[flag] = value;
    }
    if (values["--diff-base"] !== undefined && values["--resources"] !== undefined) {
        throw new UsageError("--diff-base plans the program at a ref; it does not combine with --resources");
    }
    if (firstDeploy && values["--resources"] !== undefined) {
        throw new UsageError("--first-deploy plans the program; it does not combine with --resources");
    }
    if (values["--stack-file"] !== undefined && values["--resources"] !== undefined) {
        throw new UsageError("--stack-file evaluates the program; it does not combine with --resources");
    }
    if (values["--stack-file"] !== undefined && values["--stack"] === undefined) {
        const named = /^Pulumi\.([^/\\]+)\.ya?ml$/.exec(values["--stack-file"].split(/[/\\]/).pop() ?? "");
        if (!named)
            throw new UsageError(
                `cannot tell the stack name from "${values["--stack-file"]}"; name it Pulumi.NAME.yaml or pass --stack NAME`,
            );
        values["--stack"] = named[1];
    }
    if (!values["--stack"] && !values["--resources"]) throw new UsageError("give --stack NAME or --resources FILE");
    if (values["--json"] && values["--resources"])
        throw new UsageError("--json writes an evaluated program; it does not combine with --resources");
    if (values["--stack"] !== undefined && !/^[A-Za-z0-9_.-]+$/.test(values["--stack"])) {
        throw new UsageError(`"${values["--stack"]}" is not a stack name (letters, digits, _ . -)`);
    }
    return {
        stack: values["--stack"],
        stackFile: values["--stack-file"],
        resources: values["--resources"],
        json: values["--json"],
        markdown: values["--markdown"],
        diffBase: values["--diff-base"],
        firstDeploy,
    };
}
