/**
 * `npm run cost:refresh-prices [-- --region R]`: refreshes the committed price tables from AWS's
 * public price list when a network is available. Each figure found exactly once is replaced and
 * labelled with its offer file and today's date; every other figure is kept and listed, so a
 * partial answer never erases a price. Exit 0 when it ran, 1 when the price list could not be read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { Readable } from "node:stream";
import { applyRefresh, matchPrices, offerIndexUrl, offerRows, priceListHost, priceListSources, type Refreshed } from "./price-list";
import { loadPriceTable, pricedRegions, pricesDir, type PriceTable } from "./price-table";

/** Reads a URL as lines; tests pass one that reads fixture files. */
export type LineSource = (url: string) => Promise<AsyncIterable<string> | Iterable<string>>;

const httpLines: LineSource = async (url) => {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return readline.createInterface({
        input: Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
        crlfDelay: Infinity,
    });
};

async function readJson(lines: LineSource, url: string): Promise<unknown> {
    const parts: string[] = [];
    for await (const line of await lines(url)) parts.push(line);
    return JSON.parse(parts.join("\n"));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The URL of an offer's current CSV file for a region, through the offer index and the offer's region index. */
async function offerFileUrl(lines: LineSource, offerIndex: unknown, offer: string, region: string): Promise<string> {
    const offers = isRecord(offerIndex) && isRecord(offerIndex["offers"]) ? offerIndex["offers"] : {};
    const entry = offers[offer];
    const regionIndexPath = isRecord(entry) ? entry["currentRegionIndexUrl"] : undefined;
    if (typeof regionIndexPath !== "string") throw new Error(`the offer index has no region index for ${offer}`);
    const regionIndex = await readJson(lines, `${priceListHost}${regionIndexPath}`);
    const regions = isRecord(regionIndex) && isRecord(regionIndex["regions"]) ? regionIndex["regions"] : {};
    const regional = regions[region];
    const versionPath = isRecord(regional) ? regional["currentVersionUrl"] : undefined;
    if (typeof versionPath !== "string") throw new Error(`${offer} has no offer file for ${region}`);
    return `${priceListHost}${versionPath.replace(/\.json$/, ".csv")}`;
}

export interface RefreshResult {
    readonly table: PriceTable;
    readonly refreshed: readonly Refreshed[];
}

/** Refreshes one region's table from the price list read through `lines`. */
export async function refreshTable(table: PriceTable, lines: LineSource, readOn: string): Promise<RefreshResult> {
    const offerIndex = await readJson(lines, offerIndexUrl);
    const byOffer = new Map<string, [string, (typeof priceListSources)[string]][]>();
    for (const [id, source] of Object.entries(priceListSources)) {
        if (table.prices[id]) byOffer.set(source.offer, [...(byOffer.get(source.offer) ?? []), [id, source]]);
    }
    const refreshed: Refreshed[] = [];
    const fileOf = new Map<string, string>();
    for (const [offer, sources] of byOffer) {
        let url: string;
        try {
            url = await offerFileUrl(lines, offerIndex, offer, table.region);
        } catch (error) {
            refreshed.push(...sources.map(([id]) => ({ id, kept: (error as Error).message })));
            continue;
        }
        sources.forEach(([id]) => fileOf.set(id, url));
        refreshed.push(...(await matchPrices(offerRows(await lines(url)), sources)));
    }
    return { table: applyRefresh(table, refreshed, (id) => fileOf.get(id) ?? "", readOn), refreshed };
}

async function main(argv: readonly string[]): Promise<number> {
    const regionIndex = argv.indexOf("--region");
    const regions = regionIndex >= 0 ? [argv[regionIndex + 1]] : pricedRegions();
    const today = new Date().toISOString().slice(0, 10);
    for (const region of regions) {
        const table = loadPriceTable(region);
        let result: RefreshResult;
        try {
            result = await refreshTable(table, httpLines, today);
        } catch (error) {
            console.error(`cost:refresh-prices: cannot read the AWS price list (${(error as Error).message}); ${region} is unchanged`);
            return 1;
        }
        fs.writeFileSync(path.join(pricesDir, `${region}.json`), `${JSON.stringify(result.table, null, 2)}\n`);
        const changed = result.refreshed.filter((item) => "usd" in item && item.usd !== table.prices[item.id]?.usd);
        console.log(
            `${region}: ${result.refreshed.filter((item) => "usd" in item).length} figures confirmed from the price list, ${changed.length} changed`,
        );
        for (const item of changed) console.log(`  ${item.id}: ${table.prices[item.id]?.usd} -> ${"usd" in item ? item.usd : ""}`);
        for (const item of result.refreshed) if ("kept" in item) console.log(`  kept ${item.id} from the pricing page: ${item.kept}`);
        const unmapped = Object.keys(table.prices).filter((id) => !(id in priceListSources));
        console.log(`  typed in from the pricing page (no price-list mapping): ${unmapped.join(", ")}`);
    }
    return 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (error: unknown) => {
            console.error(`cost:refresh-prices: ${(error as Error).stack ?? String(error)}`);
            process.exitCode = 1;
        },
    );
}
