/** The cost diff of two plans: line by line, matched by resource and charge, summing to the change in the total. */
import { strict as assert } from "node:assert";
import { diffReports, formatDiffMarkdown, formatDiffText } from "../../tools/cost/report";
import { planned, priceOf, usageWith } from "./fixtures";

const key = (name: string) => planned("aws:kms/key:Key", name, { enableKeyRotation: false });
const glueEndpoint = (subnets: number) =>
    planned("aws:ec2/vpcEndpoint:VpcEndpoint", "network-glue", {
        vpcEndpointType: "Interface",
        serviceName: "com.amazonaws.eu-west-1.glue",
        subnetIds: Array.from({ length: subnets }, (_, index) => `subnet-${index}`),
    });

describe("cost diff of two plans", () => {
    const usage = usageWith();
    const base = priceOf([key("keys-data-lake"), key("keys-logs"), glueEndpoint(3)], usage);
    const head = priceOf([key("keys-data-lake"), glueEndpoint(1), planned("aws:secretsmanager/secret:Secret", "secrets-new")], usage);
    const diff = diffReports(base, head);

    it("lists each line whose monthly cost changes, with before and after, largest first", () => {
        assert.deepEqual(
            diff.changes.map((change) => [change.id, change.before?.monthly, change.after?.monthly, change.difference]),
            [
                ["network-glue: interface endpoint glue", 24.09, 8.03, -16.06],
                ["keys-logs: KMS key", 1, undefined, -1],
                ["secrets-new: secret", undefined, 0.4, 0.4],
            ],
        );
    });

    it("sums the line differences to the change in the total", () => {
        const sum = Math.round(diff.changes.reduce((total, change) => total + change.difference, 0) * 100) / 100;
        assert.equal(sum, Math.round((head.totals.total - base.totals.total) * 100) / 100);
        assert.match(
            formatDiffText("Cost diff", diff),
            /^Cost diff: -\$16\.66 a month: \$26\.09 -> \$9\.43 \(fixed -\$16\.66, usage \$0\.00\)/,
        );
    });

    it("reports no change when the plans cost the same", () => {
        assert.match(formatDiffMarkdown("Cost diff", diffReports(base, base)), /no change to the monthly cost \(\$26\.09\)/);
    });

    it("names resources that become not priced", () => {
        const withUnknown = priceOf([key("keys-data-lake"), planned("aws:ec2/instance:Instance", "bastion")], usage);
        assert.deepEqual(
            diffReports(base, withUnknown).notPricedAdded.map((item) => item.resource),
            ["bastion"],
        );
    });
});
