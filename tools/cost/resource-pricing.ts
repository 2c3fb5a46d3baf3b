/**
 * What each planned resource type costs a month: a pricing function reading the resource's inputs
 * (and the usage assumptions), or an explicit decision that AWS does not charge for it, or that the
 * report knowingly leaves it unpriced. A type with no decision is listed as not priced, never $0.
 */
import type { PlannedResource } from "../../harness/evaluate";
import {
    costLine,
    figure,
    hoursPerMonth,
    type CostLine,
    type NotPriced,
    type Pricer,
    type PricingContext,
    type PricingDecision,
} from "./cost-lines";
import { daysPerMonth, lifecyclePolicyOf, storageAfter, type StorageClass } from "./s3-lifecycle";
import type { BucketUsage } from "./usage";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** `<project>-<stack>-<purpose>`: the part of a name the program adds after the stack's prefix. */
function purposeOf(context: PricingContext, name: string): string {
    const prefix = `${context.project}-${context.stack}-`;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

// --- network -------------------------------------------------------------------------------------

/** awsx's NAT strategies (its default is one per AZ). */
function natGatewayCount(inputs: Record<string, unknown>): number {
    const azs = count(inputs["numberOfAvailabilityZones"]) ?? 3;
    const strategy = isRecord(inputs["natGateways"]) ? text(inputs["natGateways"]["strategy"]) : undefined;
    if (strategy === "None") return 0;
    return strategy === "Single" ? 1 : azs;
}

function interfaceEndpointLines(context: PricingContext, resource: PlannedResource, service: string, azs: number): CostLine[] {
    const endpoints = context.resources.filter(
        (other) => other.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && other.inputs["vpcEndpointType"] === "Interface",
    ).length;
    const gbPerDay = context.usage.network.endpointGbPerDay / Math.max(endpoints, 1);
    return [
        costLine(
            context,
            resource,
            `interface endpoint ${service}`,
            "fixed",
            azs * hoursPerMonth,
            "vpc.interfaceEndpointAzHour",
            `${azs} AZ${azs === 1 ? "" : "s"} × ${hoursPerMonth} h`,
        ),
        costLine(
            context,
            resource,
            `interface endpoint ${service} data`,
            "usage",
            gbPerDay * daysPerMonth,
            "vpc.interfaceEndpointGb",
            `${figure(gbPerDay)} GB/day (network.endpointGbPerDay shared by ${endpoints} endpoint${endpoints === 1 ? "" : "s"})`,
        ),
    ];
}

function vpcLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const nats = natGatewayCount(resource.inputs);
    const lines: CostLine[] = [];
    if (nats > 0) {
        lines.push(
            costLine(
                context,
                resource,
                "NAT gateways",
                "fixed",
                nats * hoursPerMonth,
                "ec2.natGatewayHour",
                `${nats} NAT gateway(s) × ${hoursPerMonth} h`,
            ),
            costLine(
                context,
                resource,
                "NAT gateway public IPv4",
                "fixed",
                nats * hoursPerMonth,
                "vpc.publicIpv4Hour",
                `one Elastic IP per NAT gateway × ${hoursPerMonth} h`,
            ),
            costLine(
                context,
                resource,
                "NAT data processing",
                "usage",
                context.usage.network.natGbPerDay * daysPerMonth,
                "ec2.natGatewayGb",
                `${figure(context.usage.network.natGbPerDay)} GB/day (network.natGbPerDay)`,
            ),
        );
    }
    // Endpoints declared in the component itself; gateway endpoints (S3, DynamoDB) are free.
    const specs = Array.isArray(resource.inputs["vpcEndpointSpecs"]) ? resource.inputs["vpcEndpointSpecs"] : [];
    for (const spec of specs.filter(isRecord).filter((spec) => spec["vpcEndpointType"] === "Interface")) {
        lines.push(
            ...interfaceEndpointLines(
                context,
                resource,
                text(spec["serviceName"]) ?? "endpoint",
                count(resource.inputs["numberOfAvailabilityZones"]) ?? 3,
            ),
        );
    }
    return lines;
}

function vpcEndpointLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    // AWS's default endpoint type is Gateway, which has no charge.
    if (resource.inputs["vpcEndpointType"] !== "Interface") return [];
    const subnets = Array.isArray(resource.inputs["subnetIds"]) ? resource.inputs["subnetIds"].length : 1;
    const service = (text(resource.inputs["serviceName"]) ?? "endpoint").split(".").pop() ?? "endpoint";
    return interfaceEndpointLines(context, resource, service, subnets);
}

// --- security and secrets ------------------------------------------------------------------------

function kmsKeyLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const lines = [costLine(context, resource, "KMS key", "fixed", 1, "kms.keyMonth", "one customer-managed key")];
    if (resource.inputs["enableKeyRotation"] === true) {
        const period = count(resource.inputs["rotationPeriodInDays"]) ?? 365;
        // Only the first two rotations raise the price.
        const rotations = Math.min(2, Math.floor(context.horizonDays / period));
        lines.push(
            costLine(
                context,
                resource,
                "KMS key rotations",
                "fixed",
                rotations,
                "kms.rotationMonth",
                `rotated every ${period} days: ${rotations} rotation(s) by month ${context.usage.monthsDeployed} (the first two are charged)`,
            ),
        );
    }
    return lines;
}

function secretLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    return [costLine(context, resource, "secret", "fixed", 1, "secretsmanager.secretMonth", "one secret")];
}

// --- warehouse -----------------------------------------------------------------------------------

function namespaceLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const { warehouse } = context.usage;
    const lines = [
        costLine(
            context,
            resource,
            "managed storage",
            "usage",
            warehouse.storageGb,
            "redshift.managedStorageGbMonth",
            `${figure(warehouse.storageGb)} GB in the warehouse (warehouse.storageGb)`,
        ),
        costLine(
            context,
            resource,
            "snapshots",
            "usage",
            warehouse.snapshotGb,
            "redshift.snapshotGbMonth",
            `${figure(warehouse.snapshotGb)} GB of user snapshots (warehouse.snapshotGb); 24-hour recovery points are free`,
        ),
    ];
    // Redshift creates and keeps the admin password in a secret of its own, billed like any other.
    if (resource.inputs["manageAdminPassword"] === true) {
        lines.push(
            costLine(
                context,
                resource,
                "AWS-managed admin secret",
                "fixed",
                1,
                "secretsmanager.secretMonth",
                "manageAdminPassword: Redshift keeps the admin password in Secrets Manager",
            ),
        );
    }
    return lines;
}

function workgroupLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const workgroupArn = text(resource.outputs["arn"]);
    const dailyLimit = context.resources
        .filter((other) => other.type === "aws:redshiftserverless/usageLimit:UsageLimit")
        .filter(
            (limit) =>
                limit.inputs["resourceArn"] === workgroupArn &&
                limit.inputs["period"] === "daily" &&
                limit.inputs["usageType"] === "serverless-compute",
        )
        .map((limit) => count(limit.inputs["amount"]))
        .find((amount) => amount !== undefined);
    const asked = context.usage.warehouse.rpuHoursPerDay;
    const perDay = dailyLimit !== undefined ? Math.min(asked, dailyLimit) : asked;
    const base = count(resource.inputs["baseCapacity"]);
    return [
        costLine(
            context,
            resource,
            "compute",
            "usage",
            perDay * daysPerMonth,
            "redshift.serverlessRpuHour",
            `${figure(perDay)} RPU-hours/day (warehouse.rpuHoursPerDay ${figure(asked)}${dailyLimit !== undefined ? `, daily usage limit ${dailyLimit}` : ""}); no charge while idle${base ? `, each active period billed for at least 60 s at ${base} RPU` : ""}`,
        ),
    ];
}

// --- ETL -----------------------------------------------------------------------------------------

/** DPUs per worker, as Glue bills them. */
const dpuPerWorker: Readonly<Record<string, number>> = { "G.025X": 0.25, "G.1X": 1, "G.2X": 2, "G.4X": 4, "G.8X": 8, "Z.2X": 2 };

function glueJobLines(resource: PlannedResource, context: PricingContext): CostLine[] | NotPriced {
    const job = purposeOf(context, text(resource.inputs["name"]) ?? resource.name);
    const jobUsage = context.usage.glue.jobs[job] ?? context.usage.glue.jobs["default"] ?? { minutesPerRun: 0 };
    const command = isRecord(resource.inputs["command"]) ? text(resource.inputs["command"]["name"]) : undefined;
    const args = isRecord(resource.inputs["defaultArguments"]) ? resource.inputs["defaultArguments"] : {};
    let dpus: number;
    let capacity: string;
    if (command === "pythonshell") {
        dpus = count(resource.inputs["maxCapacity"]) ?? 0.0625;
        capacity = `Python shell ${dpus} DPU`;
    } else if (command !== "glueetl") {
        return { notPriced: `Glue ${command ?? "unknown"} jobs (streaming, Ray) run on a model the report does not have` };
    } else {
        const workerType = text(resource.inputs["workerType"]) ?? "G.1X";
        const maxWorkers = count(resource.inputs["numberOfWorkers"]) ?? 10;
        const autoScaling = args["--enable-auto-scaling"] === "true";
        const workers = autoScaling && jobUsage.averageWorkers !== undefined ? Math.min(jobUsage.averageWorkers, maxWorkers) : maxWorkers;
        dpus = workers * (dpuPerWorker[workerType] ?? 1);
        capacity = `${figure(workers)} × ${workerType} (${figure(dpus)} DPU)${autoScaling && jobUsage.averageWorkers === undefined ? ", auto-scaling priced at its maximum" : ""}`;
    }
    const flex = resource.inputs["executionClass"] === "FLEX";
    const runs = context.usage.glue.runsPerDay * daysPerMonth;
    // Glue bills at least one minute per run.
    const minutes = jobUsage.minutesPerRun > 0 ? Math.max(1, jobUsage.minutesPerRun) : 0;
    return [
        costLine(
            context,
            resource,
            `job ${job} (${flex ? "FLEX" : "STANDARD"})`,
            "usage",
            (runs * dpus * minutes) / 60,
            flex ? "glue.flexDpuHour" : "glue.dpuHour",
            `${figure(context.usage.glue.runsPerDay)} run(s)/day × ${figure(minutes)} min (1-minute minimum) × ${capacity}; no retries`,
        ),
    ];
}

// --- storage -------------------------------------------------------------------------------------

const storageClassPrices: Readonly<Record<StorageClass, { priceId: string; label: string }>> = {
    STANDARD: { priceId: "s3.standardGbMonth", label: "Standard" },
    STANDARD_IA: { priceId: "s3.standardIaGbMonth", label: "Standard-IA" },
    GLACIER: { priceId: "s3.glacierFlexibleGbMonth", label: "Glacier Flexible Retrieval" },
};

/** The bucket's purpose in `<project>-<stack>-<purpose>-<hash>`. */
function bucketPurpose(context: PricingContext, bucketName: string): string {
    return purposeOf(context, bucketName).replace(/-[0-9a-f]{8}$/, "");
}

function bucketLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const bucketName = text(resource.outputs["bucket"]) ?? text(resource.inputs["bucket"]) ?? resource.name;
    const purpose = bucketPurpose(context, bucketName);
    const given = context.usage.buckets[purpose];
    const usage: BucketUsage = given ?? { gbPerDay: 0, objectKb: 1024, getsPerDay: 0 };
    const source = given ? `buckets.${purpose}` : `no usage given for buckets.${purpose}`;
    const lifecycle = context.resources.find(
        (other) =>
            other.type === "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration" && other.inputs["bucket"] === bucketName,
    );
    const policy = lifecyclePolicyOf(lifecycle?.inputs["rules"], lifecycle?.inputs["transitionDefaultMinimumObjectSize"]);
    const outcome = storageAfter(policy, usage, context.horizonDays);
    const inflow = `${figure(usage.gbPerDay)} GB/day of ${figure(usage.objectKb)} KB objects (${source}) for ${context.usage.monthsDeployed} months`;
    const lines: CostLine[] = [];
    for (const { storageClass, gb, explanation } of outcome.storage) {
        const { priceId, label } = storageClassPrices[storageClass];
        lines.push(costLine(context, resource, `S3 ${label} storage`, "usage", gb, priceId, `${inflow}; ${explanation}`));
    }
    const objectsPerMonth = ((usage.gbPerDay * 1024 * 1024) / usage.objectKb) * daysPerMonth;
    lines.push(
        costLine(
            context,
            resource,
            "S3 PUT requests",
            "usage",
            objectsPerMonth / 1000,
            "s3.putRequests1k",
            `one PUT per object written (${inflow})`,
        ),
        costLine(
            context,
            resource,
            "S3 GET requests",
            "usage",
            (usage.getsPerDay * daysPerMonth) / 1000,
            "s3.getRequests1k",
            `${figure(usage.getsPerDay)} GETs/day (${source})`,
        ),
    );
    const transitions: [StorageClass, string][] = [
        ["STANDARD_IA", "s3.transitionToIa1k"],
        ["GLACIER", "s3.transitionToGlacier1k"],
    ];
    for (const [storageClass, priceId] of transitions) {
        const moved = outcome.transitionsPerMonth[storageClass];
        if (moved === undefined) continue;
        lines.push(
            costLine(
                context,
                resource,
                `S3 transitions to ${storageClassPrices[storageClass].label}`,
                "usage",
                moved / 1000,
                priceId,
                `every object written moves once (${inflow})`,
            ),
        );
    }
    return lines;
}

// --- operations ----------------------------------------------------------------------------------

function logGroupLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const groups = context.resources.filter((other) => other.type === resource.type).length;
    const gbPerDay = context.usage.logs.gbPerDay / groups;
    const retention = count(resource.inputs["retentionInDays"]);
    const keptDays = Math.min(retention && retention > 0 ? retention : Infinity, context.horizonDays);
    const share = `${figure(gbPerDay)} GB/day (logs.gbPerDay shared by ${groups} log groups)`;
    return [
        costLine(context, resource, "log ingestion", "usage", gbPerDay * daysPerMonth, "logs.ingestedGb", share),
        costLine(
            context,
            resource,
            "log storage",
            "usage",
            gbPerDay * keptDays,
            "logs.storedGbMonth",
            `${share} kept ${retention ? `${retention} days (retention)` : "forever"}, ${figure(keptDays)} days' worth by month ${context.usage.monthsDeployed}; stored uncompressed (an upper bound)`,
        ),
    ];
}

function metricAlarmLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const queries = Array.isArray(resource.inputs["metricQueries"]) ? resource.inputs["metricQueries"].filter(isRecord) : [];
    // A metric-math alarm is billed per metric it reads.
    const metrics = queries.length > 0 ? queries.filter((query) => isRecord(query["metric"])).length : 1;
    const periods =
        queries.length > 0
            ? queries.map((query) => (isRecord(query["metric"]) ? count(query["metric"]["period"]) : undefined))
            : [count(resource.inputs["period"])];
    const highResolution = periods.some((period) => period !== undefined && period < 60);
    return [
        costLine(
            context,
            resource,
            "alarm",
            "fixed",
            metrics,
            highResolution ? "cloudwatch.highResolutionAlarmMetricMonth" : "cloudwatch.alarmMetricMonth",
            `${metrics} metric(s), ${highResolution ? "high" : "standard"} resolution`,
        ),
    ];
}

function dashboardLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    return [costLine(context, resource, "dashboard", "fixed", 1, "cloudwatch.dashboardMonth", "one dashboard")];
}

// --- compute and delivery ------------------------------------------------------------------------

function lambdaLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const { invocationsPerMonth, secondsPerInvocation } = context.usage.lambda;
    const memoryMb = count(resource.inputs["memorySize"]) ?? 128;
    const arm = Array.isArray(resource.inputs["architectures"]) && resource.inputs["architectures"].includes("arm64");
    return [
        costLine(
            context,
            resource,
            "Lambda requests",
            "usage",
            invocationsPerMonth / 1_000_000,
            "lambda.requestsMillion",
            `${figure(invocationsPerMonth)} invocations/month (lambda.invocationsPerMonth)`,
        ),
        costLine(
            context,
            resource,
            "Lambda duration",
            "usage",
            invocationsPerMonth * secondsPerInvocation * (memoryMb / 1024),
            arm ? "lambda.gbSecondArm" : "lambda.gbSecondX86",
            `${figure(invocationsPerMonth)} × ${figure(secondsPerInvocation)} s × ${memoryMb} MB (${arm ? "arm64" : "x86_64"})`,
        ),
    ];
}

/** The role of a delivery build project in its name, e.g. `<prefix>-delivery-test` -> `test`. */
const buildRole = (resource: PlannedResource): string => resource.name.split("-").pop() ?? resource.name;

const buildMinutePrices: Readonly<Record<string, string>> = {
    BUILD_GENERAL1_SMALL: "codebuild.general1SmallMinute",
    BUILD_GENERAL1_MEDIUM: "codebuild.general1MediumMinute",
    BUILD_GENERAL1_LARGE: "codebuild.general1LargeMinute",
};

function buildMinutes(context: PricingContext, role: string): number {
    return context.usage.pipeline.buildMinutes[role] ?? context.usage.pipeline.buildMinutes["default"] ?? 0;
}

function codebuildLines(resource: PlannedResource, context: PricingContext): CostLine[] | NotPriced {
    const environment = isRecord(resource.inputs["environment"]) ? resource.inputs["environment"] : {};
    const computeType = text(environment["computeType"]) ?? "BUILD_GENERAL1_SMALL";
    const priceId = buildMinutePrices[computeType];
    if (!priceId) return { notPriced: `the price table has no build-minute price for ${computeType}` };
    const role = buildRole(resource);
    const minutes = buildMinutes(context, role);
    return [
        costLine(
            context,
            resource,
            `build minutes (${computeType})`,
            "usage",
            context.usage.pipeline.runsPerMonth * minutes,
            priceId,
            `${figure(context.usage.pipeline.runsPerMonth)} pipeline runs/month × ${figure(minutes)} min (pipeline.buildMinutes.${role})`,
        ),
    ];
}

function pipelineLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    if (resource.inputs["pipelineType"] !== "V2")
        return [costLine(context, resource, "V1 pipeline", "fixed", 1, "codepipeline.v1PipelineMonth", "one active V1 pipeline")];
    const builds = context.resources.filter((other) => other.type === "aws:codebuild/project:Project");
    const minutesPerRun = builds.reduce((sum, build) => sum + buildMinutes(context, buildRole(build)), 0);
    return [
        costLine(
            context,
            resource,
            "V2 action minutes",
            "usage",
            context.usage.pipeline.runsPerMonth * minutesPerRun,
            "codepipeline.v2ActionMinute",
            `${figure(context.usage.pipeline.runsPerMonth)} runs/month × ${figure(minutesPerRun)} min of build actions; no charge while no run is under way`,
        ),
    ];
}

// --- optional services ---------------------------------------------------------------------------

function dynamodbLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const { writesPerDay, readsPerDay, storageGb } = context.usage.dynamodb;
    const lines: CostLine[] = [];
    if (resource.inputs["billingMode"] === "PROVISIONED") {
        const wcu = count(resource.inputs["writeCapacity"]) ?? 0;
        const rcu = count(resource.inputs["readCapacity"]) ?? 0;
        lines.push(
            costLine(
                context,
                resource,
                "provisioned writes",
                "fixed",
                wcu * hoursPerMonth,
                "dynamodb.provisionedWcuHour",
                `${wcu} WCU × ${hoursPerMonth} h`,
            ),
            costLine(
                context,
                resource,
                "provisioned reads",
                "fixed",
                rcu * hoursPerMonth,
                "dynamodb.provisionedRcuHour",
                `${rcu} RCU × ${hoursPerMonth} h`,
            ),
        );
    } else {
        lines.push(
            costLine(
                context,
                resource,
                "on-demand writes",
                "usage",
                (writesPerDay * daysPerMonth) / 1_000_000,
                "dynamodb.onDemandWriteMillion",
                `${figure(writesPerDay)} write units/day (dynamodb.writesPerDay)`,
            ),
            costLine(
                context,
                resource,
                "on-demand reads",
                "usage",
                (readsPerDay * daysPerMonth) / 1_000_000,
                "dynamodb.onDemandReadMillion",
                `${figure(readsPerDay)} read units/day (dynamodb.readsPerDay)`,
            ),
        );
    }
    lines.push(
        costLine(
            context,
            resource,
            "table storage",
            "usage",
            storageGb,
            "dynamodb.storageGbMonth",
            `${figure(storageGb)} GB (dynamodb.storageGb)`,
        ),
    );
    const pitr = isRecord(resource.inputs["pointInTimeRecovery"]) && resource.inputs["pointInTimeRecovery"]["enabled"] === true;
    if (pitr)
        lines.push(
            costLine(
                context,
                resource,
                "point-in-time recovery",
                "usage",
                storageGb,
                "dynamodb.pitrGbMonth",
                `continuous backup of ${figure(storageGb)} GB`,
            ),
        );
    return lines;
}

function scheduleLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const invocations = context.usage.scheduler.invocationsPerMonth;
    return [
        costLine(
            context,
            resource,
            "scheduler invocations",
            "usage",
            invocations / 1_000_000,
            "scheduler.invocationsMillion",
            `${figure(invocations)} invocations/month (scheduler.invocationsPerMonth)`,
        ),
    ];
}

const mwaaPrices: Readonly<Record<string, { environment: string; worker: string }>> = {
    "mw1.small": { environment: "mwaa.smallEnvironmentHour", worker: "mwaa.smallWorkerHour" },
    "mw1.medium": { environment: "mwaa.mediumEnvironmentHour", worker: "mwaa.mediumWorkerHour" },
    "mw1.large": { environment: "mwaa.largeEnvironmentHour", worker: "mwaa.largeWorkerHour" },
};

function mwaaLines(resource: PlannedResource, context: PricingContext): CostLine[] | NotPriced {
    const environmentClass = text(resource.inputs["environmentClass"]) ?? "mw1.small";
    const prices = mwaaPrices[environmentClass];
    if (!prices) return { notPriced: `the price table has no MWAA ${environmentClass} price` };
    const minWorkers = count(resource.inputs["minWorkers"]) ?? 1;
    return [
        costLine(
            context,
            resource,
            `MWAA ${environmentClass} environment`,
            "fixed",
            hoursPerMonth,
            prices.environment,
            `always on, ${hoursPerMonth} h (includes the schedulers, web server and one worker)`,
        ),
        costLine(
            context,
            resource,
            "MWAA additional workers",
            "fixed",
            Math.max(0, minWorkers - 1) * hoursPerMonth,
            prices.worker,
            `minWorkers ${minWorkers}: ${Math.max(0, minWorkers - 1)} beyond the included one × ${hoursPerMonth} h; scaling above it is not modelled`,
        ),
    ];
}

function athenaLines(resource: PlannedResource, context: PricingContext): CostLine[] {
    const { queriesPerDay, mbScannedPerQuery } = context.usage.athena;
    const configuration = isRecord(resource.inputs["configuration"]) ? resource.inputs["configuration"] : {};
    const cutoffBytes = count(configuration["bytesScannedCutoffPerQuery"]);
    const cutoffMb = cutoffBytes !== undefined ? cutoffBytes / (1024 * 1024) : Infinity;
    // Athena bills at least 10 MB a query, and a query stops at the workgroup's cutoff.
    const billedMb = Math.min(Math.max(10, mbScannedPerQuery), cutoffMb);
    return [
        costLine(
            context,
            resource,
            "Athena data scanned",
            "usage",
            (queriesPerDay * daysPerMonth * billedMb) / (1024 * 1024),
            "athena.tbScanned",
            `${figure(queriesPerDay)} queries/day × ${figure(billedMb)} MB (athena.mbScannedPerQuery ${figure(mbScannedPerQuery)}, 10 MB minimum${cutoffBytes !== undefined ? `, cutoff ${figure(cutoffMb)} MB` : ""})`,
        ),
    ];
}

const free = (reason: string): PricingDecision => ({ kind: "free", reason });
const priced = (lines: Pricer): PricingDecision => ({ kind: "priced", lines });

const bucketSetting = free(
    "bucket configuration has no charge; the bucket's storage and requests are priced on the bucket, through its lifecycle rules",
);
const iam = free("IAM has no charge");
const quicksightAsset = free("QuickSight bills per user and SPICE capacity, priced once per stack under QuickSight users");

/** Every resource type the program can plan, and how the report treats it. */
export const pricingDecisions: Readonly<Record<string, PricingDecision>> = {
    "awsx:ec2:Vpc": priced(vpcLines),
    "aws:ec2/vpcEndpoint:VpcEndpoint": priced(vpcEndpointLines),
    "aws:ec2/securityGroup:SecurityGroup": free("security groups have no charge"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": free("security group rules have no charge"),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": free("security group rules have no charge"),
    "aws:ec2/flowLog:FlowLog": free("the flow log itself has no charge; its records are priced as ingestion and storage of its log group"),

    "aws:kms/key:Key": priced(kmsKeyLines),
    "aws:kms/alias:Alias": free("KMS aliases have no charge"),
    "aws:iam/role:Role": iam,
    "aws:iam/policy:Policy": iam,
    "aws:iam/rolePolicy:RolePolicy": iam,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": iam,
    "aws:secretsmanager/secret:Secret": priced(secretLines),

    "aws:s3/bucket:Bucket": priced(bucketLines),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": bucketSetting,
    "aws:s3/bucketLogging:BucketLogging": free("server access logging has no charge; the log objects are priced on the access-logs bucket"),
    "aws:s3/bucketNotification:BucketNotification": free(
        "S3 sends events to EventBridge at no charge; AWS service events on the default bus are free",
    ),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": bucketSetting,
    "aws:s3/bucketPolicy:BucketPolicy": bucketSetting,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": bucketSetting,
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": bucketSetting,
    "aws:s3/bucketVersioning:BucketVersioning": free(
        "versioning has no charge; noncurrent versions are priced as storage through the lifecycle rules",
    ),
    "aws:s3/bucketObjectv2:BucketObjectv2": free("job scripts and libraries (a few MB) are priced as the glue-assets bucket's storage"),

    "aws:glue/catalogDatabase:CatalogDatabase": free("the first million Data Catalog objects are stored free; a stack holds a handful"),
    "aws:glue/catalogTable:CatalogTable": free("the first million Data Catalog objects are stored free; a stack holds a handful"),
    "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": free("a catalog setting has no charge"),
    "aws:glue/dataQualityRuleset:DataQualityRuleset": free(
        "a ruleset has no charge; its evaluations run inside the jobs and are priced as their DPU time",
    ),
    "aws:glue/job:Job": priced(glueJobLines),
    "aws:glue/securityConfiguration:SecurityConfiguration": free("a security configuration has no charge"),
    "aws:glue/trigger:Trigger": free("triggers have no charge; the jobs they start are priced"),
    "aws:glue/workflow:Workflow": free("workflows have no charge; the jobs they run are priced"),
    "aws:cloudwatch/eventRule:EventRule": free("rules on the default bus matching AWS service events, and scheduled rules, have no charge"),
    "aws:cloudwatch/eventTarget:EventTarget": free("targets have no charge"),
    "aws:scheduler/schedule:Schedule": priced(scheduleLines),
    "aws:mwaa/environment:Environment": priced(mwaaLines),
    "aws:dynamodb/table:Table": priced(dynamodbLines),

    "aws:redshiftserverless/namespace:Namespace": priced(namespaceLines),
    "aws:redshiftserverless/workgroup:Workgroup": priced(workgroupLines),
    "aws:redshiftserverless/usageLimit:UsageLimit": free("usage limits have no charge"),
    "aws:lambda/function:Function": priced(lambdaLines),
    "aws:lambda/invocation:Invocation": free("the deploy-time invocation is priced as the function's requests and duration"),

    "aws:athena/workgroup:Workgroup": priced(athenaLines),
    "aws:athena/namedQuery:NamedQuery": free("saved queries have no charge"),
    "aws:quicksight/dataSource:DataSource": quicksightAsset,
    "aws:quicksight/dataSet:DataSet": quicksightAsset,
    "aws:quicksight/refreshSchedule:RefreshSchedule": quicksightAsset,
    "aws:quicksight/vpcConnection:VpcConnection": quicksightAsset,

    "aws:cloudwatch/logGroup:LogGroup": priced(logGroupLines),
    "aws:cloudwatch/metricAlarm:MetricAlarm": priced(metricAlarmLines),
    "aws:cloudwatch/dashboard:Dashboard": priced(dashboardLines),
    "aws:sns/topic:Topic": free(
        "a topic has no standing charge; alert publishes ($0.50 a million) and email deliveries ($2 per 100,000) are negligible",
    ),
    "aws:sns/topicPolicy:TopicPolicy": free("topic policies have no charge"),
    "aws:sns/topicSubscription:TopicSubscription": free("subscriptions have no charge; deliveries are negligible (see the topic)"),

    "aws:codepipeline/pipeline:Pipeline": priced(pipelineLines),
    "aws:codebuild/project:Project": priced(codebuildLines),
    "aws:codestarnotifications/notificationRule:NotificationRule": free("notification rules have no charge; deliveries go through SNS"),
};

/** QuickSight users, once per stack: the readers the stack's principals stand for, and the authors of its datasets. */
export function quicksightLines(context: PricingContext): CostLine[] {
    const assets = context.resources.filter((resource) => resource.type.startsWith("aws:quicksight/"));
    if (assets.length === 0) return [];
    const principals = new Set(
        assets.flatMap((asset) =>
            (Array.isArray(asset.inputs["permissions"]) ? asset.inputs["permissions"] : [])
                .filter(isRecord)
                .flatMap((permission) => text(permission["principal"]) ?? []),
        ),
    );
    const groups = [...principals].filter((principal) => principal.includes(":group/")).length;
    const users = principals.size - groups;
    const { authors, readersPerGroup, additionalSpiceGb } = context.usage.quicksight;
    const readers = users + groups * readersPerGroup;
    const stackUsers = { name: "QuickSight users", type: "aws:quicksight" };
    return [
        costLine(
            context,
            stackUsers,
            "QuickSight authors",
            "fixed",
            authors,
            "quicksight.authorMonth",
            `${figure(authors)} author(s) (quicksight.authors); the subscription is the account's, charged here`,
        ),
        costLine(
            context,
            stackUsers,
            "QuickSight readers",
            "fixed",
            readers,
            "quicksight.readerMonth",
            `${users} user principal(s) + ${groups} group principal(s) × ${figure(readersPerGroup)} readers (quicksight.readersPerGroup)`,
        ),
        costLine(
            context,
            stackUsers,
            "additional SPICE capacity",
            "fixed",
            additionalSpiceGb,
            "quicksight.spiceGbMonth",
            `${figure(additionalSpiceGb)} GB beyond the subscription's (quicksight.additionalSpiceGb)`,
        ),
    ];
}

/** Requests to KMS and Secrets Manager, once per stack: they cannot be told apart by key or secret offline. */
export function stackRequestLines(context: PricingContext): CostLine[] {
    const lines: CostLine[] = [];
    const keys = context.resources.filter((resource) => resource.type === "aws:kms/key:Key").length;
    if (keys > 0) {
        const perDay = context.usage.kms.requestsPerDay;
        lines.push(
            costLine(
                context,
                { name: "KMS keys", type: "aws:kms/key:Key" },
                "KMS requests",
                "usage",
                (perDay * daysPerMonth) / 10_000,
                "kms.requests10k",
                `${figure(perDay)} requests/day over ${keys} keys (kms.requestsPerDay); S3 bucket keys keep it low`,
            ),
        );
    }
    const secrets = context.resources.filter((resource) => resource.type === "aws:secretsmanager/secret:Secret").length;
    if (secrets > 0) {
        const perDay = context.usage.secrets.apiCallsPerDay;
        lines.push(
            costLine(
                context,
                { name: "Secrets Manager", type: "aws:secretsmanager/secret:Secret" },
                "secret API calls",
                "usage",
                (perDay * daysPerMonth) / 10_000,
                "secretsmanager.api10k",
                `${figure(perDay)} calls/day (secrets.apiCallsPerDay)`,
            ),
        );
    }
    return lines;
}
