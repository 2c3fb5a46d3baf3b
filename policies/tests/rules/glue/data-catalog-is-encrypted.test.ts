import * as assert from "node:assert/strict";
import { check, KEY_ARN, resource, variant } from "../../harness";

const RULE = "glue-data-catalog-is-encrypted";
const settings = resource("aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings", "catalog-encryption", {
    dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: KEY_ARN },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: KEY_ARN },
    },
});
const database = resource("aws:glue/catalogDatabase:CatalogDatabase", "gold", { name: "gold" });
type Settings = Record<string, Record<string, unknown>>;
const inner = (r: typeof settings) => r.inputs.dataCatalogEncryptionSettings as Settings;

describe(RULE, () => {
    it("Compliance: SSE-KMS at rest and encrypted connection passwords pass", () => {
        assert.deepEqual(check(RULE, [database, settings]), []);
    });

    it("Noncompliance 1: a catalog database without encryption settings is reported", () => {
        assert.match(check(RULE, [database])[0].message, /no DataCatalogEncryptionSettings/);
    });

    it("Noncompliance 2: encryption at rest DISABLED is reported", () => {
        const found = check(RULE, [
            database,
            variant(settings, (r) => (inner(r).encryptionAtRest = { catalogEncryptionMode: "DISABLED" })),
        ]);
        assert.match(found[0].message, /catalogEncryptionMode is "DISABLED"/);
    });

    it("Noncompliance 3: connection passwords returned in clear are reported", () => {
        const found = check(RULE, [
            variant(settings, (r) => (inner(r).connectionPasswordEncryption.returnConnectionPasswordEncrypted = false)),
        ]);
        assert.match(found[0].message, /returnConnectionPasswordEncrypted to true/);
    });
});
