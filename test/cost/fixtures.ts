import type { PlannedResource } from "../../harness/evaluate";
import { estimateCost, type CostReport } from "../../tools/cost/estimate";
import { loadPriceTable } from "../../tools/cost/price-table";
import type { Usage } from "../../tools/cost/usage";

/** A planned custom resource of the `lakehouse-test` stack, built by hand. */
export function planned(
    type: string,
    name: string,
    inputs: Record<string, unknown> = {},
    outputs: Record<string, unknown> = {},
): PlannedResource {
    return {
        urn: `urn:pulumi:test::lakehouse::${type}::${name}`,
        type,
        name,
        custom: true,
        inputs,
        outputs: { ...inputs, ...outputs },
        dependencies: [],
        propertyDependencies: {},
        protect: false,
        retainOnDelete: false,
    };
}

/** Usage with every activity at zero; a test sets whole sections. */
export function usageWith(sections: Partial<Usage> = {}): Usage {
    const quiet: Usage = {
        monthsDeployed: 12,
        buckets: {},
        glue: { runsPerDay: 0, jobs: {} },
        warehouse: { rpuHoursPerDay: 0, storageGb: 0, snapshotGb: 0 },
        athena: { queriesPerDay: 0, mbScannedPerQuery: 0 },
        network: { natGbPerDay: 0, endpointGbPerDay: 0 },
        logs: { gbPerDay: 0 },
        kms: { requestsPerDay: 0 },
        secrets: { apiCallsPerDay: 0 },
        lambda: { invocationsPerMonth: 0, secondsPerInvocation: 0 },
        pipeline: { runsPerMonth: 0, buildMinutes: {} },
        quicksight: { authors: 0, readersPerGroup: 0, additionalSpiceGb: 0 },
        dynamodb: { writesPerDay: 0, readsPerDay: 0, storageGb: 0 },
        scheduler: { invocationsPerMonth: 0 },
    };
    return { ...quiet, ...sections };
}

/** The report of hand-built resources in a region. */
export function priceOf(resources: PlannedResource[], usage: Usage = usageWith(), region = "eu-west-1"): CostReport {
    return estimateCost({ project: "lakehouse", stack: "test", resources, outputs: { environment: "dev" } }, loadPriceTable(region), usage);
}

export const monthlyOf = (report: CostReport, charge: string): number[] =>
    report.lines.filter((line) => line.charge === charge).map((line) => line.monthly);
