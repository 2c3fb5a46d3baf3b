import type { ResourceTypeActions } from "../deploy-scopes";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). Athena and QuickSight. */
export const analyticsActions: Readonly<Record<string, ResourceTypeActions>> = {
    // Named queries are authorized on the workgroup that holds them.
    "aws:athena/workgroup:Workgroup": {
        athena: [
            "athena:CreateWorkGroup",
            "athena:GetWorkGroup",
            "athena:UpdateWorkGroup",
            "athena:DeleteWorkGroup",
            "athena:ListTagsForResource",
            "athena:TagResource",
            "athena:UntagResource",
        ],
    },
    "aws:athena/namedQuery:NamedQuery": {
        athena: ["athena:CreateNamedQuery", "athena:GetNamedQuery", "athena:DeleteNamedQuery"],
    },
    // Creating a data source has no resource type, only the tags of the request.
    "aws:quicksight/dataSource:DataSource": {
        taggedCreation: ["quicksight:CreateDataSource"],
        quicksight: [
            "quicksight:DescribeDataSource",
            "quicksight:UpdateDataSource",
            "quicksight:DeleteDataSource",
            "quicksight:DescribeDataSourcePermissions",
            "quicksight:UpdateDataSourcePermissions",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
    // Creating a dataset over a data source needs PassDataSource on that source; every read also
    // reads the dataset's refresh properties.
    "aws:quicksight/dataSet:DataSet": {
        quicksight: [
            "quicksight:CreateDataSet",
            "quicksight:DescribeDataSet",
            "quicksight:DescribeDataSetRefreshProperties",
            "quicksight:UpdateDataSet",
            "quicksight:DeleteDataSet",
            "quicksight:DescribeDataSetPermissions",
            "quicksight:UpdateDataSetPermissions",
            "quicksight:PassDataSource",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
    // Refresh schedules are authorized on their dataset.
    "aws:quicksight/refreshSchedule:RefreshSchedule": {
        quicksight: [
            "quicksight:CreateRefreshSchedule",
            "quicksight:DescribeRefreshSchedule",
            "quicksight:UpdateRefreshSchedule",
            "quicksight:DeleteRefreshSchedule",
        ],
    },
    // Its network interfaces are QuickSight's, made with the connection's role, not the deployer's.
    // Creating the Redshift data source that uses it, QuickSight reads that source's secret with the
    // caller's permissions ("Using AWS Secrets Manager secrets instead of database credentials").
    "aws:quicksight/vpcConnection:VpcConnection": {
        taggedCreation: ["quicksight:CreateVPCConnection"],
        quicksightCredentials: ["secretsmanager:GetSecretValue"],
        quicksightVpcConnections: [
            "quicksight:DescribeVPCConnection",
            "quicksight:UpdateVPCConnection",
            "quicksight:DeleteVPCConnection",
            "quicksight:ListTagsForResource",
            "quicksight:TagResource",
            "quicksight:UntagResource",
        ],
    },
};
