import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

describe("a new stack", () => {
    it("named anything, with only its Pulumi.<stack>.yaml (a copy of prod's), passes check under prod's policy levels", () => {
        const stack = "analytics-platform-production-eu-west-1x";
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "new-stack-"));
        const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
        fs.copyFileSync(path.join(root, "Pulumi.prod.yaml"), stackFile);
        const result = spawnSync(process.execPath, ["-r", "ts-node/register", "tools/check/main.ts", "--stack-file", stackFile], {
            cwd: root,
            encoding: "utf8",
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
        });
        assert.equal(result.status, 0, result.stderr + result.stdout.slice(-2000));
        assert.match(result.stdout, new RegExp(`Plan for stack "${stack}": \\d+ resources`));
        assert.doesNotMatch(result.stdout, /^mandatory /m);
        // prod's levels: the hygiene rules dev lowers stay mandatory, so none is reported as advisory.
        assert.doesNotMatch(result.stdout, /^advisory .*s3-bucket-has-versioning/m);
    });
});
