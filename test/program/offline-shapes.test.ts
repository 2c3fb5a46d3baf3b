import { strict as assert } from "node:assert";
import { planOf, plannedStacks } from "./plans";

const account = "111111111111";
const region = "eu-west-1";
const regional = (service: string, resource: string): RegExp => new RegExp(`^arn:aws:${service}:${region}:${account}:${resource}$`);
const name = "[A-Za-z0-9_.+=@/-]+";
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ec2Id = (prefix: string): string => `${prefix}-[0-9a-f]{17}`;

/**
 * The id the provider stores and the ARN AWS returns, per type: ARN formats from the Service
 * Authorization Reference's resource types, ids from each Terraform resource's import format.
 * `undefined` means the type has no ARN attribute.
 */
const expected: Readonly<Record<string, { readonly id: RegExp; readonly arn?: RegExp }>> = {
    "aws:s3/bucket:Bucket": { id: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, arn: /^arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/ },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketVersioning:BucketVersioning": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketPolicy:BucketPolicy": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketLogging:BucketLogging": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketNotification:BucketNotification": { id: /^[a-z0-9][a-z0-9.-]+$/ },
    "aws:s3/bucketObjectv2:BucketObjectv2": { id: /^[^/].*$/, arn: /^arn:aws:s3:::[a-z0-9][a-z0-9.-]+\/.+$/ },
    "aws:kms/key:Key": { id: new RegExp(`^${uuid}$`), arn: regional("kms", `key/${uuid}`) },
    "aws:kms/alias:Alias": { id: new RegExp(`^alias/${name}$`), arn: regional("kms", `alias/${name}`) },
    "aws:cloudwatch/logGroup:LogGroup": { id: /^[A-Za-z0-9_./#-]+$/, arn: regional("logs", "log-group:[A-Za-z0-9_./#-]+") },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { id: /^[^:]+$/, arn: regional("cloudwatch", "alarm:[^:]+") },
    "aws:cloudwatch/eventRule:EventRule": { id: /^[A-Za-z0-9._-]+$/, arn: regional("events", "rule/[A-Za-z0-9._-]+") },
    "aws:cloudwatch/eventTarget:EventTarget": { id: /^[A-Za-z0-9._-]+-[A-Za-z0-9._-]+$/ },
    "aws:iam/role:Role": { id: /^[A-Za-z0-9+=,.@_-]{1,64}$/, arn: new RegExp(`^arn:aws:iam::${account}:role/[A-Za-z0-9+=,.@_/-]+$`) },
    "aws:iam/policy:Policy": {
        id: new RegExp(`^arn:aws:iam::${account}:policy/[A-Za-z0-9+=,.@_/-]+$`),
        arn: new RegExp(`^arn:aws:iam::${account}:policy/[A-Za-z0-9+=,.@_/-]+$`),
    },
    "aws:iam/rolePolicy:RolePolicy": { id: /^[A-Za-z0-9+=,.@_-]+:[A-Za-z0-9+=,.@_-]+$/ },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { id: /^[A-Za-z0-9+=,.@_-]+-[0-9a-z]+$/ },
    "aws:glue/catalogDatabase:CatalogDatabase": { id: new RegExp(`^${account}:[a-z0-9_]+$`), arn: regional("glue", "database/[a-z0-9_]+") },
    "aws:glue/catalogTable:CatalogTable": {
        id: new RegExp(`^${account}:[a-z0-9_]+:[a-z0-9_]+$`),
        arn: regional("glue", "table/[a-z0-9_]+/[a-z0-9_]+"),
    },
    "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": { id: new RegExp(`^${account}$`) },
    "aws:glue/dataQualityRuleset:DataQualityRuleset": {
        id: /^[A-Za-z0-9_.-]+$/,
        arn: regional("glue", "dataQualityRuleset/[A-Za-z0-9_.-]+"),
    },
    "aws:glue/job:Job": { id: /^[A-Za-z0-9_.-]+$/, arn: regional("glue", "job/[A-Za-z0-9_.-]+") },
    "aws:glue/securityConfiguration:SecurityConfiguration": { id: /^[A-Za-z0-9_.-]+$/ },
    "aws:glue/trigger:Trigger": { id: /^[A-Za-z0-9_.-]+$/, arn: regional("glue", "trigger/[A-Za-z0-9_.-]+") },
    "aws:glue/workflow:Workflow": { id: /^[A-Za-z0-9_.-]+$/, arn: regional("glue", "workflow/[A-Za-z0-9_.-]+") },
    "aws:sns/topic:Topic": { id: regional("sns", "[A-Za-z0-9_-]+"), arn: regional("sns", "[A-Za-z0-9_-]+") },
    "aws:sns/topicPolicy:TopicPolicy": { id: regional("sns", "[A-Za-z0-9_-]+") },
    "aws:sns/topicSubscription:TopicSubscription": {
        id: regional("sns", `[A-Za-z0-9_-]+:${uuid}`),
        arn: regional("sns", `[A-Za-z0-9_-]+:${uuid}`),
    },
    // Secrets Manager appends a hyphen and six random characters to the name.
    "aws:secretsmanager/secret:Secret": {
        id: regional("secretsmanager", `secret:${name}-[A-Za-z0-9]{6}`),
        arn: regional("secretsmanager", `secret:${name}-[A-Za-z0-9]{6}`),
    },
    "aws:ec2/securityGroup:SecurityGroup": { id: new RegExp(`^${ec2Id("sg")}$`), arn: regional("ec2", `security-group/${ec2Id("sg")}`) },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        id: new RegExp(`^${ec2Id("sgr")}$`),
        arn: regional("ec2", `security-group-rule/${ec2Id("sgr")}`),
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        id: new RegExp(`^${ec2Id("sgr")}$`),
        arn: regional("ec2", `security-group-rule/${ec2Id("sgr")}`),
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { id: new RegExp(`^${ec2Id("vpce")}$`), arn: regional("ec2", `vpc-endpoint/${ec2Id("vpce")}`) },
    "aws:ec2/flowLog:FlowLog": { id: new RegExp(`^${ec2Id("fl")}$`), arn: regional("ec2", `vpc-flow-log/${ec2Id("fl")}`) },
    "aws:redshiftserverless/namespace:Namespace": { id: /^[a-z0-9-]{3,64}$/, arn: regional("redshift-serverless", `namespace/${uuid}`) },
    "aws:redshiftserverless/workgroup:Workgroup": { id: /^[a-z0-9-]{3,64}$/, arn: regional("redshift-serverless", `workgroup/${uuid}`) },
    "aws:redshiftserverless/usageLimit:UsageLimit": {
        id: new RegExp(`^${uuid}$`),
        arn: regional("redshift-serverless", `usagelimit/${uuid}`),
    },
    "aws:lambda/function:Function": { id: /^[A-Za-z0-9_-]{1,64}$/, arn: regional("lambda", "function:[A-Za-z0-9_-]{1,64}") },
    "aws:lambda/invocation:Invocation": { id: /^[A-Za-z0-9_-]+_\$LATEST_[0-9a-f]{32}$/ },
    "aws:athena/workgroup:Workgroup": { id: /^[A-Za-z0-9._-]+$/, arn: regional("athena", "workgroup/[A-Za-z0-9._-]+") },
    "aws:athena/namedQuery:NamedQuery": { id: new RegExp(`^${uuid}$`) },
    "aws:codebuild/project:Project": {
        id: regional("codebuild", "project/[A-Za-z0-9_-]+"),
        arn: regional("codebuild", "project/[A-Za-z0-9_-]+"),
    },
    "aws:codepipeline/pipeline:Pipeline": { id: /^[A-Za-z0-9.@_-]+$/, arn: regional("codepipeline", "[A-Za-z0-9.@_-]+") },
    "aws:codestarnotifications/notificationRule:NotificationRule": {
        id: regional("codestar-notifications", "notificationrule/[0-9a-f]{40}"),
        arn: regional("codestar-notifications", "notificationrule/[0-9a-f]{40}"),
    },
    "aws:quicksight/dataSource:DataSource": {
        id: new RegExp(`^${account},[A-Za-z0-9_-]+$`),
        arn: regional("quicksight", "datasource/[A-Za-z0-9_-]+"),
    },
    "aws:quicksight/dataSet:DataSet": {
        id: new RegExp(`^${account},[A-Za-z0-9_-]+$`),
        arn: regional("quicksight", "dataset/[A-Za-z0-9_-]+"),
    },
    "aws:quicksight/refreshSchedule:RefreshSchedule": {
        id: new RegExp(`^${account},[A-Za-z0-9_-]+,[A-Za-z0-9_-]+$`),
        arn: regional("quicksight", "dataset/[A-Za-z0-9_-]+/refresh-schedule/[A-Za-z0-9_-]+"),
    },
    "aws:quicksight/vpcConnection:VpcConnection": {
        id: new RegExp(`^${account},[A-Za-z0-9_-]+$`),
        arn: regional("quicksight", "vpcConnection/[A-Za-z0-9_-]+"),
    },
};

describe("offline plan fidelity", () => {
    for (const stack of plannedStacks) {
        it(`every AWS resource in the ${stack} plan has the id and ARN shape AWS returns for its type`, () => {
            const resources = planOf(stack).resources.filter((resource) => resource.type.startsWith("aws:"));
            assert.ok(resources.length > 100);
            for (const resource of resources) {
                const shape = expected[resource.type];
                assert.ok(shape, `no expected id/ARN shape for ${resource.type}; add it from AWS's documentation`);
                assert.match(String(resource.id), shape.id, `${resource.type} ${resource.name} id`);
                if (shape.arn) assert.match(String(resource.outputs["arn"]), shape.arn, `${resource.type} ${resource.name} arn`);
            }
        });
    }

    it("awsx's VPC reports vpc- and subnet- ids", () => {
        const [vpc] = planOf("prod").resources.filter((resource) => resource.type === "awsx:ec2:Vpc");
        assert.match(String(vpc.outputs["vpcId"]), /^vpc-[0-9a-f]{17}$/);
        const subnets = [vpc.outputs["privateSubnetIds"], vpc.outputs["isolatedSubnetIds"]].flat() as string[];
        assert.ok(subnets.length === 3 && subnets.every((subnet) => /^subnet-[0-9a-f]{17}$/.test(subnet)));
    });
});
