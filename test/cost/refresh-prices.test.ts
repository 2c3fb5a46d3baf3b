/**
 * The price refresh reads AWS's price list the way it is published (offer index -> region index ->
 * the region's CSV offer file), on small fixtures of that shape under fixtures/price-list/.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { csvFields, priceListHost } from "../../tools/cost/price-list";
import { loadPriceTable } from "../../tools/cost/price-table";
import { refreshTable, type LineSource } from "../../tools/cost/refresh-prices";

const fixtureDir = path.join(__dirname, "fixtures", "price-list");

/** Serves price-list URLs from the fixtures; any other offer is missing, as a network error would be. */
const fixtureLines: LineSource = async (url) => {
    const file = path.join(fixtureDir, url.slice(priceListHost.length));
    if (!url.startsWith(priceListHost) || !fs.existsSync(file)) throw new Error(`GET ${url}: HTTP 404`);
    return fs.readFileSync(file, "utf8").split("\n");
};

describe("refreshing prices from the AWS price list", () => {
    const before = loadPriceTable("eu-west-1");
    const refresh = refreshTable(before, fixtureLines, "2026-11-02");

    it("takes the on-demand, first-tier price of each usage type, behind the region's prefix", async () => {
        const { table } = await refresh;
        assert.equal(table.prices["vpc.interfaceEndpointAzHour"]?.usd, 0.011);
        assert.equal(table.prices["vpc.interfaceEndpointGb"]?.usd, 0.01);
        assert.equal(table.prices["kms.keyMonth"]?.usd, 1);
    });

    it("converts per-request prices to the table's unit (10,000 KMS requests: $0.03)", async () => {
        assert.equal((await refresh).table.prices["kms.requests10k"]?.usd, 0.03);
    });

    it("labels a refreshed figure with its offer file and the day it was read", async () => {
        assert.deepEqual((await refresh).table.prices["vpc.interfaceEndpointAzHour"], {
            ...before.prices["vpc.interfaceEndpointAzHour"],
            source: `${priceListHost}/offers/v1.0/aws/AmazonVPC/20261101000000/eu-west-1/index.csv`,
            readOn: "2026-11-02",
            basis: "price-list",
        });
    });

    it("keeps the typed-in figure, and says why, when the price list gives two prices or none", async () => {
        const { table, refreshed } = await refresh;
        assert.deepEqual(table.prices["vpc.publicIpv4Hour"], before.prices["vpc.publicIpv4Hour"]);
        assert.match(JSON.stringify(refreshed.find((item) => item.id === "vpc.publicIpv4Hour")), /2 different prices/);
        assert.deepEqual(table.prices["s3.standardGbMonth"], before.prices["s3.standardGbMonth"]);
        assert.match(JSON.stringify(refreshed.find((item) => item.id === "s3.standardGbMonth")), /no region index for AmazonS3/);
    });

    it("splits quoted CSV fields with commas and doubled quotes in them", () => {
        assert.deepEqual(csvFields('"a","b, c","say ""hi""",'), ["a", "b, c", 'say "hi"', ""]);
    });
});
