import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { parse } from "yaml";
import { configKeys } from "../../config/keys";
import { pulumiYamlPath, readmePath, readmeWithConfigReference, renderPulumiYaml } from "../../scripts/generate-pulumi-yaml";

describe("Pulumi.yaml", () => {
    it("declares exactly the config keys of config/keys.ts, as the generator writes them", () => {
        const committed: unknown = parse(fs.readFileSync(pulumiYamlPath, "utf8"));
        assert.deepEqual(committed, parse(renderPulumiYaml()), "Pulumi.yaml is stale: run npx ts-node scripts/generate-pulumi-yaml.ts");
    });

    it("gives every key a type and a description, and a default unless the stack must set it", () => {
        const declared = (parse(fs.readFileSync(pulumiYamlPath, "utf8")) as { config: Record<string, Record<string, unknown>> }).config;
        assert.deepEqual(Object.keys(declared).sort(), Object.keys(configKeys).sort());
        for (const [key, declaration] of Object.entries(declared)) {
            assert.ok(["string", "integer", "boolean", "array"].includes(declaration["type"] as string), `${key} has a type`);
            assert.ok(String(declaration["description"]).length > 20, `${key} has a description`);
            assert.ok(
                "default" in declaration || /Default per environment|Required/.test(String(declaration["description"])),
                `${key} documents its default`,
            );
        }
    });
});

describe("README config reference", () => {
    it("lists every config key with its default per environment, as generated from config/keys.ts", () => {
        const readme = fs.readFileSync(readmePath, "utf8");
        assert.equal(readme, readmeWithConfigReference(readme), "README.md is stale: run npx ts-node scripts/generate-pulumi-yaml.ts");
    });
});
