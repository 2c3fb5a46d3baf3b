/**
 * Reading AWS's public price list (the Price List Bulk API's offer files): the offer index names
 * each service's region index, which names the region's current offer file; the CSV form of that
 * file is read line by line, since some (AmazonEC2) are too large to parse whole. A figure is taken
 * only when exactly one on-demand price of the first tier matches; otherwise the table keeps its own.
 */
import type { PriceEntry, PriceTable } from "./price-table";

export const priceListHost = "https://pricing.us-east-1.amazonaws.com";
export const offerIndexUrl = `${priceListHost}/offers/v1.0/aws/index.json`;

/** Where a table entry lives in the price list: the offer, the usage type (without the region's prefix), and the price list's units per ours. */
export interface PriceListSource {
    readonly offer: string;
    readonly usageType: string;
    /** Our unit in the price list's units, e.g. 10,000 for "10,000 requests" against a per-request price. */
    readonly unitsPerOurUnit?: number;
}

/** The entries the refresh can confirm; the others are typed in from the pricing page and say so. */
export const priceListSources: Readonly<Record<string, PriceListSource>> = {
    "ec2.natGatewayHour": { offer: "AmazonEC2", usageType: "NatGateway-Hours" },
    "ec2.natGatewayGb": { offer: "AmazonEC2", usageType: "NatGateway-Bytes" },
    "vpc.publicIpv4Hour": { offer: "AmazonVPC", usageType: "PublicIPv4:InUseAddress" },
    "vpc.interfaceEndpointAzHour": { offer: "AmazonVPC", usageType: "VpcEndpoint-Hours" },
    "vpc.interfaceEndpointGb": { offer: "AmazonVPC", usageType: "VpcEndpoint-Bytes" },
    "kms.keyMonth": { offer: "awskms", usageType: "KMS-Keys" },
    "kms.requests10k": { offer: "awskms", usageType: "KMS-Requests", unitsPerOurUnit: 10_000 },
    "secretsmanager.secretMonth": { offer: "AWSSecretsManager", usageType: "AWSSecretsManager-Secrets" },
    "secretsmanager.api10k": { offer: "AWSSecretsManager", usageType: "AWSSecretsManager-APIRequest", unitsPerOurUnit: 10_000 },
    "glue.dpuHour": { offer: "AWSGlue", usageType: "ETL-DPU-Hour" },
    "glue.flexDpuHour": { offer: "AWSGlue", usageType: "ETL-Flex-DPU-Hour" },
    "athena.tbScanned": { offer: "AmazonAthena", usageType: "DataScannedInTB" },
    "s3.standardGbMonth": { offer: "AmazonS3", usageType: "TimedStorage-ByteHrs" },
    "s3.standardIaGbMonth": { offer: "AmazonS3", usageType: "TimedStorage-SIA-ByteHrs" },
    "s3.glacierFlexibleGbMonth": { offer: "AmazonS3", usageType: "TimedStorage-GlacierByteHrs" },
    "s3.putRequests1k": { offer: "AmazonS3", usageType: "Requests-Tier1", unitsPerOurUnit: 1000 },
    "s3.getRequests1k": { offer: "AmazonS3", usageType: "Requests-Tier2", unitsPerOurUnit: 1000 },
    "logs.ingestedGb": { offer: "AmazonCloudWatch", usageType: "DataProcessing-Bytes" },
    "logs.storedGbMonth": { offer: "AmazonCloudWatch", usageType: "TimedStorage-ByteHrs" },
    "cloudwatch.alarmMetricMonth": { offer: "AmazonCloudWatch", usageType: "CW:AlarmMonitorUsage" },
    "cloudwatch.highResolutionAlarmMetricMonth": { offer: "AmazonCloudWatch", usageType: "CW:HighResAlarmMonitorUsage" },
    "lambda.requestsMillion": { offer: "AWSLambda", usageType: "Request", unitsPerOurUnit: 1_000_000 },
    "lambda.gbSecondArm": { offer: "AWSLambda", usageType: "Lambda-GB-Second-ARM" },
    "lambda.gbSecondX86": { offer: "AWSLambda", usageType: "Lambda-GB-Second" },
};

/** One on-demand price row of an offer file, with the columns the match needs. */
export interface OfferRow {
    readonly usageType: string;
    readonly termType: string;
    readonly startingRange: string;
    readonly pricePerUnit: number;
}

/** Splits one CSV line (quoted fields, doubled quotes inside them). */
export function csvFields(line: string): string[] {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (quoted && char === '"' && line[index + 1] === '"') {
            field += '"';
            index++;
        } else if (char === '"') {
            quoted = !quoted;
        } else if (char === "," && !quoted) {
            fields.push(field);
            field = "";
        } else {
            field += char;
        }
    }
    fields.push(field);
    return fields;
}

const normalised = (column: string): string => column.toLowerCase().replace(/[^a-z]/g, "");

/** The rows of an offer CSV: metadata lines first, then a header row starting with "SKU". */
export async function* offerRows(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<OfferRow> {
    let columns: Map<string, number> | undefined;
    for await (const line of lines) {
        if (!columns) {
            if (line.startsWith('"SKU"')) columns = new Map(csvFields(line).map((name, index) => [normalised(name), index]));
            continue;
        }
        const fields = csvFields(line);
        const at = (name: string): string => fields[(columns as Map<string, number>).get(name) ?? -1] ?? "";
        yield {
            usageType: at("usagetype"),
            termType: at("termtype"),
            startingRange: at("startingrange"),
            pricePerUnit: Number(at("priceperunit")),
        };
    }
}

/** A usage type as the offer files write it: the region's prefix (`EU-`, `USE1-`, none) before it. */
const usageTypePattern = (usageType: string): RegExp =>
    new RegExp(`^(?:[A-Z]{2,4}\\d?-)?${usageType.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

export type Refreshed = { readonly id: string; readonly usd: number } | { readonly id: string; readonly kept: string };

/** The on-demand, first-tier prices of the sources' usage types in one offer's rows. */
export async function matchPrices(
    rows: AsyncIterable<OfferRow>,
    sources: readonly (readonly [string, PriceListSource])[],
): Promise<Refreshed[]> {
    const found = new Map<string, Set<number>>(sources.map(([id]) => [id, new Set<number>()]));
    const patterns = sources.map(([id, source]) => [id, usageTypePattern(source.usageType), source.unitsPerOurUnit ?? 1] as const);
    for await (const row of rows) {
        if (row.termType !== "OnDemand" || !(row.startingRange === "" || row.startingRange === "0") || !Number.isFinite(row.pricePerUnit))
            continue;
        for (const [id, pattern, units] of patterns) {
            // Rounded to sub-micro-cents so one price read twice is one price.
            if (pattern.test(row.usageType)) found.get(id)?.add(Math.round(row.pricePerUnit * units * 1e10) / 1e10);
        }
    }
    return sources.map(([id]) => {
        const prices = [...(found.get(id) ?? [])];
        if (prices.length === 1) return { id, usd: prices[0] };
        return {
            id,
            kept:
                prices.length === 0 ? "no on-demand price of that usage type" : `${prices.length} different prices (${prices.join(", ")})`,
        };
    });
}

/** The table with the refreshed figures in, each naming the offer file it came from and the day. */
export function applyRefresh(
    table: PriceTable,
    refreshed: readonly Refreshed[],
    offerFileOf: (id: string) => string,
    readOn: string,
): PriceTable {
    const prices: Record<string, PriceEntry> = { ...table.prices };
    for (const result of refreshed) {
        const entry = prices[result.id];
        if (!entry || !("usd" in result)) continue;
        prices[result.id] = { ...entry, usd: result.usd, source: offerFileOf(result.id), readOn, basis: "price-list" };
    }
    return { ...table, prices };
}
