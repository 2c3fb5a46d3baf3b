/**
 * Lifecycle transitions move storage cost between classes the way S3 bills them. Figures: 1 GB a
 * day of 1 MB objects (1,024 objects a day) unless a case says otherwise; S3 prices of eu-west-1.
 */
import { strict as assert } from "node:assert";
import { lifecyclePolicyOf, storageAfter, type LifecyclePolicy, type StorageClass } from "../../tools/cost/s3-lifecycle";
import { monthlyOf, planned, priceOf, usageWith } from "./fixtures";

const policy = (fields: Partial<LifecyclePolicy>): LifecyclePolicy => ({
    transitions: [],
    minimumObjectSize: "all_storage_classes_128K",
    ...fields,
});
const gbIn = (outcome: ReturnType<typeof storageAfter>, storageClass: StorageClass): number =>
    Math.round((outcome.storage.find((entry) => entry.storageClass === storageClass)?.gb ?? 0) * 1000) / 1000;
const megabyteObjects = { gbPerDay: 1, objectKb: 1024 };

describe("S3 storage over lifecycle rules", () => {
    it("keeps each object in Standard until day 30, Standard-IA until day 90, then Glacier until it expires", () => {
        const tiered = policy({
            transitions: [
                { days: 30, storageClass: "STANDARD_IA" },
                { days: 90, storageClass: "GLACIER" },
            ],
            expirationDays: 365,
        });
        const outcome = storageAfter(tiered, megabyteObjects, 730);
        // Glacier adds 8 KB at the Standard rate and 32 KB at its own per object: 1,024 objects/day × 275 days.
        assert.equal(gbIn(outcome, "STANDARD"), 32.148);
        assert.equal(gbIn(outcome, "STANDARD_IA"), 60);
        assert.equal(gbIn(outcome, "GLACIER"), 283.594);
    });

    it("bills an object expired after 10 days in Standard-IA for the class's 30-day minimum", () => {
        const outcome = storageAfter(
            policy({ transitions: [{ days: 30, storageClass: "STANDARD_IA" }], expirationDays: 40 }),
            megabyteObjects,
            365,
        );
        assert.equal(gbIn(outcome, "STANDARD_IA"), 30);
    });

    it("bills an object expired after 30 days in Glacier for the class's 90-day minimum", () => {
        const outcome = storageAfter(
            policy({ transitions: [{ days: 30, storageClass: "GLACIER" }], expirationDays: 60 }),
            megabyteObjects,
            365,
        );
        // 30 days resident + 60 days' minimum charge, plus the 32 KB index of 1,024 objects/day × 30 days (0.9375 GB).
        assert.equal(gbIn(outcome, "GLACIER"), 90.938);
    });

    it("charges no minimum-duration penalty before the first objects reach their expiration", () => {
        const outcome = storageAfter(
            policy({ transitions: [{ days: 30, storageClass: "STANDARD_IA" }], expirationDays: 40 }),
            megabyteObjects,
            35,
        );
        assert.equal(gbIn(outcome, "STANDARD_IA"), 5);
    });

    it("does not transition objects under 128 KB (S3's default minimum object size for transitions)", () => {
        const outcome = storageAfter(
            policy({ transitions: [{ days: 30, storageClass: "STANDARD_IA" }], expirationDays: 365 }),
            { gbPerDay: 1, objectKb: 64 },
            730,
        );
        assert.equal(gbIn(outcome, "STANDARD"), 365);
        assert.equal(gbIn(outcome, "STANDARD_IA"), 0);
        assert.deepEqual(outcome.transitionsPerMonth, {});
    });

    it("moves small objects to Glacier but never to Standard-IA under the older varies_by_storage_class rule", () => {
        const outcome = storageAfter(
            policy({
                transitions: [
                    { days: 30, storageClass: "STANDARD_IA" },
                    { days: 90, storageClass: "GLACIER" },
                ],
                minimumObjectSize: "varies_by_storage_class",
            }),
            { gbPerDay: 1, objectKb: 64 },
            365,
        );
        assert.deepEqual(
            outcome.phases.map((phase) => phase.storageClass),
            ["STANDARD", "GLACIER"],
        );
        assert.equal(gbIn(outcome, "STANDARD_IA"), 0);
    });

    it("keeps an expired object as a noncurrent version in its class until the noncurrent expiration", () => {
        const outcome = storageAfter(policy({ expirationDays: 30, noncurrentDays: 7 }), megabyteObjects, 365);
        assert.equal(gbIn(outcome, "STANDARD"), 37);
    });

    it("accumulates data that never expires up to the month priced", () => {
        assert.equal(gbIn(storageAfter(policy({}), megabyteObjects, 365), "STANDARD"), 365);
    });

    it("reads the tiering rule and the noncurrent expiration from a planned lifecycle configuration", () => {
        const rules = [
            { id: "abort", status: "Enabled", abortIncompleteMultipartUpload: { daysAfterInitiation: 1 }, filter: {} },
            { id: "noncurrent", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 90 }, filter: {} },
            {
                id: "tier customers/",
                status: "Enabled",
                filter: { prefix: "customers/" },
                expiration: { days: 730 },
                transitions: [
                    { days: 90, storageClass: "GLACIER" },
                    { days: 30, storageClass: "STANDARD_IA" },
                ],
            },
        ];
        assert.deepEqual(lifecyclePolicyOf(rules, undefined), {
            transitions: [
                { days: 30, storageClass: "STANDARD_IA" },
                { days: 90, storageClass: "GLACIER" },
            ],
            expirationDays: 730,
            noncurrentDays: 90,
            minimumObjectSize: "all_storage_classes_128K",
        });
    });

    it("prices a tiered bucket at $0.023, $0.0125 and $0.0036 a GB-month and its transitions per 1,000 objects", () => {
        const bucket = planned("aws:s3/bucket:Bucket", "lake-landing", { bucket: "lakehouse-test-landing-0123abcd" });
        const lifecycle = planned("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "landing-lifecycle", {
            bucket: "lakehouse-test-landing-0123abcd",
            rules: [
                {
                    id: "tier",
                    status: "Enabled",
                    filter: {},
                    expiration: { days: 365 },
                    transitions: [
                        { days: 30, storageClass: "STANDARD_IA" },
                        { days: 90, storageClass: "GLACIER" },
                    ],
                },
            ],
        });
        const report = priceOf(
            [bucket, lifecycle],
            usageWith({ monthsDeployed: 24, buckets: { landing: { gbPerDay: 1, objectKb: 1024, getsPerDay: 0 } } }),
        );
        assert.deepEqual(monthlyOf(report, "S3 Standard storage"), [0.74]);
        assert.deepEqual(monthlyOf(report, "S3 Standard-IA storage"), [0.75]);
        assert.deepEqual(monthlyOf(report, "S3 Glacier Flexible Retrieval storage"), [1.02]);
        // 1,024 objects a day × 30.4167 days: $0.01 and $0.03 per 1,000 transitions, $0.005 per 1,000 PUTs.
        assert.deepEqual(monthlyOf(report, "S3 transitions to Standard-IA"), [0.31]);
        assert.deepEqual(monthlyOf(report, "S3 transitions to Glacier Flexible Retrieval"), [0.93]);
        assert.deepEqual(monthlyOf(report, "S3 PUT requests"), [0.16]);
    });
});
