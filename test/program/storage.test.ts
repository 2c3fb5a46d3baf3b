import { strict as assert } from "node:assert";
import { ofType, planOf, settingsOf } from "./plans";

const stacks = ["dev", "prod"] as const;

for (const stack of stacks) {
    describe(`storage in the ${stack} stack`, () => {
        const plan = () => planOf(stack);
        const buckets = () => ofType(plan().resources, "aws:s3/bucket:Bucket");
        // The delivery pipeline's artifacts bucket has its own key and tests (delivery.test.ts).
        const lakeBuckets = () => buckets().filter((bucket) => bucket.name.startsWith(`lakehouse-${stack}-lake-`));

        it("has the five medallion buckets plus Glue assets, Athena results and access logs", () => {
            const names = lakeBuckets()
                .map((bucket) => bucket.name.replace(`lakehouse-${stack}-lake-`, ""))
                .sort();
            assert.deepEqual(names, ["access-logs", "athena-results", "bronze", "glue-assets", "gold", "landing", "quarantine", "silver"]);
        });

        it("every data bucket is encrypted with the data-lake key and a bucket key", () => {
            const dataLakeKey = ofType(plan().resources, "aws:kms/key:Key").find((key) => key.name.endsWith("-data-lake"));
            assert.ok(dataLakeKey);
            for (const bucket of lakeBuckets().filter((candidate) => !candidate.name.endsWith("access-logs"))) {
                const [encryption] = settingsOf(
                    plan().resources,
                    bucket,
                    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                );
                assert.ok(encryption, `${bucket.name} has default encryption`);
                const [rule] = encryption.inputs["rules"] as {
                    applyServerSideEncryptionByDefault: Record<string, string>;
                    bucketKeyEnabled: boolean;
                }[];
                assert.equal(rule.applyServerSideEncryptionByDefault["sseAlgorithm"], "aws:kms", bucket.name);
                assert.equal(rule.applyServerSideEncryptionByDefault["kmsMasterKeyId"], dataLakeKey.outputs["arn"], bucket.name);
                assert.equal(rule.bucketKeyEnabled, true, bucket.name);
            }
        });

        it("the access-log bucket uses SSE-S3, the only default encryption S3 log delivery supports", () => {
            const logBucket = buckets().find((bucket) => bucket.name.endsWith("access-logs"));
            assert.ok(logBucket);
            const [encryption] = settingsOf(
                plan().resources,
                logBucket,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            );
            assert.deepEqual(encryption.inputs["rules"], [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        });

        it("public access is blocked on every bucket with all four flags", () => {
            for (const bucket of buckets()) {
                const [block] = settingsOf(plan().resources, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
                assert.ok(block, `${bucket.name} has a public access block`);
                for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                    assert.equal(block.inputs[flag], true, `${bucket.name} ${flag}`);
                }
            }
        });

        it("every bucket policy denies requests without TLS", () => {
            for (const bucket of buckets()) {
                const [policy] = settingsOf(plan().resources, bucket, "aws:s3/bucketPolicy:BucketPolicy");
                assert.ok(policy, `${bucket.name} has a bucket policy`);
                const statements = (JSON.parse(policy.inputs["policy"] as string) as { Statement: Record<string, unknown>[] }).Statement;
                const denial = statements.find(
                    (statement) => JSON.stringify(statement["Condition"]) === '{"Bool":{"aws:SecureTransport":"false"}}',
                );
                assert.ok(denial, `${bucket.name} denies non-TLS requests`);
                assert.equal(denial["Effect"], "Deny");
                assert.equal(denial["Principal"], "*");
            }
        });

        it("every bucket is versioned, owner-enforced and has a lifecycle that aborts multipart uploads after a day", () => {
            for (const bucket of buckets()) {
                const [versioning] = settingsOf(plan().resources, bucket, "aws:s3/bucketVersioning:BucketVersioning");
                assert.deepEqual(versioning.inputs["versioningConfiguration"], { status: "Enabled" }, bucket.name);
                const [ownership] = settingsOf(plan().resources, bucket, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
                assert.deepEqual(ownership.inputs["rule"], { objectOwnership: "BucketOwnerEnforced" }, bucket.name);
                const [lifecycle] = settingsOf(
                    plan().resources,
                    bucket,
                    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                );
                const rules = lifecycle.inputs["rules"] as Record<string, unknown>[];
                assert.ok(
                    rules.some((rule) => JSON.stringify(rule["abortIncompleteMultipartUpload"]) === '{"daysAfterInitiation":1}'),
                    bucket.name,
                );
                assert.ok(
                    rules.some((rule) => rule["noncurrentVersionExpiration"] !== undefined),
                    bucket.name,
                );
            }
        });

        it("every data bucket sends server access logs to the access-log bucket", () => {
            const logBucket = buckets().find((bucket) => bucket.name.endsWith("access-logs"));
            for (const bucket of buckets().filter((candidate) => candidate !== logBucket)) {
                const [logging] = settingsOf(plan().resources, bucket, "aws:s3/bucketLogging:BucketLogging");
                assert.ok(logging, `${bucket.name} is access-logged`);
                assert.equal(logging.inputs["targetBucket"], logBucket?.outputs["bucket"]);
            }
        });
    });
}

describe("data protection per environment", () => {
    it("prod buckets and KMS keys are protected and retained on delete", () => {
        const { resources } = planOf("prod");
        const guarded = [
            ...ofType(resources, "aws:s3/bucket:Bucket"),
            ...ofType(resources, "aws:kms/key:Key"),
            ...ofType(resources, "aws:cloudwatch/logGroup:LogGroup"),
        ];
        assert.ok(guarded.length >= 12);
        for (const resource of guarded) assert.ok(resource.retainOnDelete, `${resource.name} is retained on delete`);
        for (const bucket of ofType(resources, "aws:s3/bucket:Bucket")) {
            assert.equal(bucket.protect, true, `${bucket.name} is protected`);
            assert.equal(bucket.inputs["forceDestroy"], false, `${bucket.name} is not force-destroyed`);
        }
    });

    it("prod protects and retains every bucket, key, secret, warehouse namespace, catalog database and table and log group", () => {
        const { resources } = planOf("prod");
        for (const type of [
            "aws:s3/bucket:Bucket",
            "aws:kms/key:Key",
            "aws:secretsmanager/secret:Secret",
            "aws:redshiftserverless/namespace:Namespace",
            "aws:glue/catalogDatabase:CatalogDatabase",
            "aws:glue/catalogTable:CatalogTable",
            "aws:cloudwatch/logGroup:LogGroup",
        ]) {
            const found = ofType(resources, type);
            assert.ok(found.length > 0, `prod plans a ${type}`);
            for (const resource of found)
                assert.ok(resource.protect && resource.retainOnDelete, `${resource.name} is protected and retained`);
        }
    });

    it("dev buckets are force-destroyed and nothing is retained, so a dev stack tears down cleanly", () => {
        const { resources } = planOf("dev");
        for (const bucket of ofType(resources, "aws:s3/bucket:Bucket")) assert.equal(bucket.inputs["forceDestroy"], true, bucket.name);
        assert.deepEqual(
            resources.filter((resource) => resource.protect || resource.retainOnDelete).map((resource) => resource.name),
            [],
        );
    });

    it("KMS keys rotate, and the deletion window follows the profile (dev 7 days, prod 30)", () => {
        for (const [stack, window] of [
            ["dev", 7],
            ["prod", 30],
        ] as const) {
            for (const key of ofType(planOf(stack).resources, "aws:kms/key:Key")) {
                assert.equal(key.inputs["enableKeyRotation"], true, key.name);
                assert.equal(key.inputs["deletionWindowInDays"], window, key.name);
            }
        }
    });

    it("CloudWatch Logs may use the logs key only for this stack's log groups, its Glue security configuration's and its Redshift namespace's", () => {
        const logsKey = ofType(planOf("prod").resources, "aws:kms/key:Key").find((key) => key.name.endsWith("-logs"));
        const statements = (JSON.parse(logsKey?.inputs["policy"] as string) as { Statement: Record<string, unknown>[] }).Statement;
        const logs = statements.find((statement) => JSON.stringify(statement["Principal"]).includes("logs.eu-west-1.amazonaws.com"));
        assert.deepEqual(logs?.["Condition"], {
            ArnLike: {
                "kms:EncryptionContext:aws:logs:arn": [
                    "arn:aws:logs:eu-west-1:111111111111:log-group:/lakehouse-prod/*",
                    "arn:aws:logs:eu-west-1:111111111111:log-group:/aws-glue/jobs/lakehouse-prod-glue-role/*",
                    "arn:aws:logs:eu-west-1:111111111111:log-group:/aws-glue/python-jobs/lakehouse-prod-glue-role/*",
                    "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/redshift/lakehouse-prod-warehouse/*",
                ],
            },
        });
    });
});

describe("objects the stack uploads", () => {
    for (const stack of ["dev", "prod"]) {
        it(`in ${stack}, every uploaded object waits for its bucket's encryption, versioning, public-access block and policy`, () => {
            const { resources } = planOf(stack);
            const objects = ofType(resources, "aws:s3/bucketObjectv2:BucketObjectv2");
            assert.ok(objects.length >= 5);
            for (const object of objects) {
                const settings = resources.filter(
                    (resource) =>
                        [
                            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                            "aws:s3/bucketVersioning:BucketVersioning",
                            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                            "aws:s3/bucketPolicy:BucketPolicy",
                        ].includes(resource.type) && resource.inputs["bucket"] === object.inputs["bucket"],
                );
                assert.equal(settings.length, 4, object.name);
                for (const setting of settings)
                    assert.ok(object.dependencies.includes(setting.urn), `${object.name} after ${setting.name}`);
            }
        });
    }
});

describe("lifecycle never reaches what the jobs read on every run", () => {
    const rulesOf = (stack: string, layer: string) => {
        const { resources } = planOf(stack);
        const bucket = ofType(resources, "aws:s3/bucket:Bucket").find((candidate) => candidate.name === `lakehouse-${stack}-lake-${layer}`);
        assert.ok(bucket, layer);
        const [lifecycle] = settingsOf(resources, bucket, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
        return lifecycle.inputs["rules"] as { filter?: { prefix?: string }; transitions?: unknown[]; expiration?: unknown }[];
    };
    const tiered = (stack: string, layer: string): string[] =>
        rulesOf(stack, layer)
            .filter((rule) => rule.transitions !== undefined || rule.expiration !== undefined)
            .map((rule) => rule.filter?.prefix ?? "<whole bucket>")
            .sort();

    it("prod tiers bronze data files only, never the _ingested_files ledger beside them", () => {
        assert.deepEqual(tiered("prod", "bronze"), ["customers/ingest_date=", "transactions/ingest_date="]);
    });

    it("prod tiers the data files of silver and gold Iceberg tables only, never their metadata or silver's processed_batches ledger", () => {
        assert.deepEqual(tiered("prod", "silver"), ["customers/data/", "transactions/data/"]);
        assert.deepEqual(tiered("prod", "gold"), ["customer_ltv/data/", "daily_sales/data/", "product_daily/data/"]);
    });

    it("quarantine tiers and expires rejected rows, never the _run_summaries run records", () => {
        for (const stack of ["dev", "prod"]) {
            assert.deepEqual(tiered(stack, "quarantine"), ["customers/run_date=", "transactions/run_date="], stack);
        }
    });

    it("dev expires landing and bronze data after 30 days and keeps the bronze ledger", () => {
        assert.deepEqual(tiered("dev", "bronze"), ["customers/ingest_date=", "transactions/ingest_date="]);
        assert.deepEqual(tiered("dev", "landing"), ["customers/", "transactions/"]);
    });
});
