/** The cases every "encrypted with a customer-managed key" rule shares, from one happy-path fixture. */
import * as assert from "node:assert/strict";
import type { ExportedResource } from "../runner/resource-document";
import { check, KEY_ARN, keyResource, UNKNOWN } from "./harness";

/** Builds the resource under test with `key` as its key reference and the given extra fields. */
export type KeyedFixture = (key: unknown, extra?: Partial<ExportedResource>) => ExportedResource;

export function customerManagedKeyCases(rule: string, fixture: KeyedFixture, sourceProperty: string): void {
    const key = keyResource();

    it("Compliance: a customer-managed key ARN passes", () => {
        assert.deepEqual(check(rule, [fixture(KEY_ARN)]), []);
    });

    it("Compliance: a key unknown during preview that comes from a KMS key of this stack passes", () => {
        const resource = fixture(UNKNOWN, {
            dependencies: [key.urn],
            propertyDependencies: { [sourceProperty]: [key.urn] },
        });
        assert.deepEqual(check(rule, [key, resource]), []);
    });

    it("Noncompliance 1: no key is reported", () => {
        const found = check(rule, [fixture(undefined)]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /must encrypt .* with a customer-managed KMS key, but no key is set\./);
    });

    it("Noncompliance 2: an AWS-managed key alias is reported", () => {
        assert.match(check(rule, [fixture("alias/aws/service")])[0].message, /AWS-managed key alias\/aws\/service/);
    });

    it("Noncompliance 3: an unknown key that does not come from this stack is a mandatory violation", () => {
        const found = check(rule, [key, fixture(UNKNOWN, { dependencies: [], propertyDependencies: { [sourceProperty]: [] } })]);
        assert.equal(found.length, 1);
        assert.equal(found[0].enforcement, "mandatory");
        assert.match(found[0].message, /cannot be verified/);
    });
}
