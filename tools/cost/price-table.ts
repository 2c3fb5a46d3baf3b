/**
 * The committed price table of one region (`tools/cost/prices/<region>.json`): every figure the
 * cost report multiplies by, each with the page or offer file it came from and the day it was read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";

/** Where a figure came from: typed in from the pricing page, or read from an AWS price list offer file. */
export const priceBases = ["pricing-page", "price-list"] as const;
export type PriceBasis = (typeof priceBases)[number];

const priceEntrySchema = z.object({
    usd: z.number().nonnegative(),
    unit: z.string().min(1),
    source: z.url(),
    readOn: z.iso.date(),
    basis: z.enum(priceBases),
    note: z.string().optional(),
});
export type PriceEntry = z.infer<typeof priceEntrySchema>;

const priceTableSchema = z.object({
    region: z.string(),
    currency: z.literal("USD"),
    basisNote: z.record(z.enum(priceBases), z.string()),
    prices: z.record(z.string(), priceEntrySchema),
});
export type PriceTable = z.infer<typeof priceTableSchema>;

export const pricesDir = path.join(__dirname, "prices");

export class PriceTableError extends Error {}

/** The regions with a committed table. */
export function pricedRegions(dir = pricesDir): string[] {
    return fs
        .readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .map((file) => file.replace(/\.json$/, ""))
        .sort();
}

export function parsePriceTable(text: string, file: string): PriceTable {
    const parsed = priceTableSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
        throw new PriceTableError(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
    return parsed.data;
}

export function loadPriceTable(region: string, dir = pricesDir): PriceTable {
    const file = path.join(dir, `${region}.json`);
    if (!fs.existsSync(file)) {
        throw new PriceTableError(
            `no price table for region ${region}: tables exist for ${pricedRegions(dir).join(", ")}; copy one to ${path.relative(process.cwd(), file)} and run npm run cost:refresh-prices`,
        );
    }
    const table = parsePriceTable(fs.readFileSync(file, "utf8"), file);
    if (table.region !== region) throw new PriceTableError(`${file} says it is for region ${table.region}`);
    return table;
}

/** Looks a figure up; a missing one is a bug in the table, not a zero. */
export function priceOf(table: PriceTable, id: string): PriceEntry {
    const entry = table.prices[id];
    if (!entry) throw new PriceTableError(`the ${table.region} price table has no entry ${id}`);
    return entry;
}
