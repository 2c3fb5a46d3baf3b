import { strict as assert } from "node:assert";
import { catalogEncryptionProblems, catalogEncryptionTakeoverProblem } from "../../components/catalog/data-catalog-encryption";
import { ofType, planOf } from "./plans";

const settingsType = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
const verifyInvoke = "aws:glue/getDataCatalogEncryptionSettings:getDataCatalogEncryptionSettings";

describe("Data Catalog encryption: one setting per account and region", () => {
    it("prod manages it: Glue encrypts through its own role with a catalog key, and connection passwords with the same key", () => {
        const { resources } = planOf("prod");
        const [settings] = ofType(resources, settingsType);
        const role = ofType(resources, "aws:iam/role:Role").find((candidate) => candidate.name.endsWith("-catalog-encryption-role"));
        const key = ofType(resources, "aws:kms/key:Key").find((candidate) => candidate.name.endsWith("-catalog-encryption-key"));
        assert.ok(role && key);
        assert.equal(settings.inputs["catalogId"], "111111111111");
        assert.deepEqual(settings.inputs["dataCatalogEncryptionSettings"], {
            encryptionAtRest: {
                catalogEncryptionMode: "SSE-KMS-WITH-SERVICE-ROLE",
                sseAwsKmsKeyId: key.outputs["arn"],
                catalogEncryptionServiceRole: role.outputs["arn"],
            },
            connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: key.outputs["arn"] },
        });
        const [trust] = (JSON.parse(role.inputs["assumeRolePolicy"] as string) as { Statement: Record<string, unknown>[] }).Statement;
        assert.deepEqual(trust["Principal"], { Service: "glue.amazonaws.com" });
    });

    it("the catalog role may use only the catalog key: describe it, and encrypt only under Glue's glue_catalog_id encryption context", () => {
        const { resources } = planOf("prod");
        const key = ofType(resources, "aws:kms/key:Key").find((candidate) => candidate.name.endsWith("-catalog-encryption-key"));
        const policy = ofType(resources, "aws:iam/rolePolicy:RolePolicy").find((candidate) =>
            candidate.name.endsWith("-catalog-encryption-role"),
        );
        assert.deepEqual(JSON.parse(policy?.inputs["policy"] as string).Statement, [
            { Sid: "ValidateTheCatalogKey", Effect: "Allow", Action: ["kms:DescribeKey"], Resource: key?.outputs["arn"] },
            {
                Sid: "EncryptThisAccountsCatalog",
                Effect: "Allow",
                Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
                Resource: key?.outputs["arn"],
                Condition: { StringEquals: { "kms:EncryptionContext:glue_catalog_id": "111111111111" } },
            },
        ]);
    });

    it("the managing stack's setting, key and role outlive it: protected and retained, whatever the environment", () => {
        const { resources } = planOf("prod");
        const kept = resources.filter(
            (resource) => resource.name.startsWith("lakehouse-prod-catalog-encryption-") && resource.type.startsWith("aws:"),
        );
        assert.deepEqual(kept.map((resource) => resource.type).sort(), [
            "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
            "aws:iam/role:Role",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:kms/alias:Alias",
            "aws:kms/key:Key",
        ]);
        for (const resource of kept) assert.ok(resource.protect && resource.retainOnDelete, resource.name);
    });

    it("every catalog database and table is created after the setting, so none is stored unencrypted", () => {
        const { resources } = planOf("prod");
        const [settings] = ofType(resources, settingsType);
        const catalogObjects = ofType(resources, "aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/catalogTable:CatalogTable");
        assert.ok(catalogObjects.length >= 8);
        for (const object of catalogObjects) assert.ok(object.dependencies.includes(settings.urn), object.name);
    });

    it("dev verifies instead of writing: it reads the setting and creates none, and its deployer may not change it", () => {
        const { resources, invokes } = planOf("dev");
        assert.deepEqual(ofType(resources, settingsType), []);
        assert.ok(invokes.includes(verifyInvoke));
        const deployActions = ofType(resources, "aws:iam/policy:Policy")
            .filter((policy) => policy.name.includes("-deployer-deploy-"))
            .flatMap(
                (policy) => (JSON.parse(policy.inputs["policy"] as string) as { Statement: { Action: string | string[] }[] }).Statement,
            )
            .flatMap((statement) => [statement.Action].flat());
        assert.ok(!deployActions.includes("glue:PutDataCatalogEncryptionSettings"));
    });

    it("prod reads the setting before claiming it, so it never overwrites one another stack or tool made", () => {
        assert.ok(planOf("prod").invokes.includes(verifyInvoke));
    });
});

describe("claiming the account's catalog encryption", () => {
    const own = "arn:aws:iam::111111111111:role/lakehouse-prod-glue-catalog-encryption";
    const atRest = (mode: string, role: string) => [
        {
            encryptionAtRests: [{ catalogEncryptionMode: mode, sseAwsKmsKeyId: "", catalogEncryptionServiceRole: role }],
            connectionPasswordEncryptions: [],
        },
    ];

    it("may take over a catalog that is not encrypted, or one it already encrypts through its own role", () => {
        assert.equal(catalogEncryptionTakeoverProblem(atRest("DISABLED", ""), own), undefined);
        assert.equal(catalogEncryptionTakeoverProblem(atRest("SSE-KMS-WITH-SERVICE-ROLE", own), own), undefined);
    });

    it("refuses a setting another stack or tool made, naming its mode and role", () => {
        assert.match(
            catalogEncryptionTakeoverProblem(
                atRest("SSE-KMS-WITH-SERVICE-ROLE", "arn:aws:iam::111111111111:role/other-team-catalog"),
                own,
            ) ?? "",
            /SSE-KMS-WITH-SERVICE-ROLE .*role arn:aws:iam::111111111111:role\/other-team-catalog, set by another stack or tool/,
        );
        assert.match(catalogEncryptionTakeoverProblem(atRest("SSE-KMS", ""), own) ?? "", /already SSE-KMS/);
    });
});

describe("verifying another stack's catalog encryption", () => {
    const key = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const reported = (mode: string, role: string, passwords: boolean) => [
        {
            encryptionAtRests: [
                { catalogEncryptionMode: mode, sseAwsKmsKeyId: mode === "DISABLED" ? "" : key, catalogEncryptionServiceRole: role },
            ],
            connectionPasswordEncryptions: [{ awsKmsKeyId: passwords ? key : "", returnConnectionPasswordEncrypted: passwords }],
        },
    ];

    it("accepts SSE-KMS-WITH-SERVICE-ROLE with a key, a role and encrypted connection passwords", () => {
        assert.deepEqual(
            catalogEncryptionProblems(reported("SSE-KMS-WITH-SERVICE-ROLE", "arn:aws:iam::111111111111:role/catalog", true)),
            [],
        );
    });

    it("rejects an unencrypted catalog, naming the mode AWS reports", () => {
        assert.deepEqual(catalogEncryptionProblems(reported("DISABLED", "", true)), [
            "metadata at rest is DISABLED, not SSE-KMS-WITH-SERVICE-ROLE with a key and a role",
        ]);
    });

    it("rejects SSE-KMS without a service role, under which every principal of every stack would need the key", () => {
        assert.match(catalogEncryptionProblems(reported("SSE-KMS", "", true))[0] ?? "", /without a service role/);
    });

    it("rejects connection passwords returned in clear", () => {
        assert.deepEqual(
            catalogEncryptionProblems(reported("SSE-KMS-WITH-SERVICE-ROLE", "arn:aws:iam::111111111111:role/catalog", false)),
            ["connection passwords are not encrypted with a KMS key"],
        );
    });
});
