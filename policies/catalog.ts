/**
 * Every rule of the pack with its metadata. index.ts serves these policies; the offline runner
 * (offline.ts) evaluates the same objects, so both always run the same pack.
 */
import { resourceRule, stackRule, type CatalogRule } from "./framework/policy-factory";
import { actionsAreScopedToAServiceOperation } from "./rules/iam/actions-are-scoped-to-a-service-operation";
import { actionsExist } from "./rules/iam/actions-exist";
import { conditionKeysAreSupported } from "./rules/iam/condition-keys-are-supported";
import { managedPoliciesAreNotAdministrative } from "./rules/iam/managed-policies-are-not-administrative";
import { passRoleIsLimitedToNamedRolesAndServices } from "./rules/iam/pass-role-is-limited-to-named-roles-and-services";
import { policyAttachmentsHaveASingleManager } from "./rules/iam/policy-attachments-have-a-single-manager";
import { resourcesMatchTheActions } from "./rules/iam/resources-match-the-actions";
import { permissionsBoundaryConfig, rolesCarryThePermissionsBoundary } from "./rules/iam/roles-carry-the-permissions-boundary";
import { statementsDoNotGrantAdministratorAccess } from "./rules/iam/statements-do-not-grant-administrator-access";
import { trustPoliciesNameAServiceOrAccount } from "./rules/iam/trust-policies-name-a-service-or-account";
import { wildcardResourcesOnlyForUnscopableActions } from "./rules/iam/wildcard-resources-only-for-unscopable-actions";
import { keyPolicyGrantsNothingToEveryone } from "./rules/kms/key-policy-grants-nothing-to-everyone";
import { keyRotationIsEnabled } from "./rules/kms/key-rotation-is-enabled";
import { bucketBlocksAllPublicAccess } from "./rules/s3/bucket-blocks-all-public-access";
import { bucketHasAccessLogging } from "./rules/s3/bucket-has-access-logging";
import { bucketHasVersioning } from "./rules/s3/bucket-has-versioning";
import { bucketIsEncryptedWithACustomerManagedKey } from "./rules/s3/bucket-is-encrypted-with-a-customer-managed-key";
import { bucketPolicyHasNoPublicPrincipal } from "./rules/s3/bucket-policy-has-no-public-principal";
import { bucketPolicyRequiresTls } from "./rules/s3/bucket-policy-requires-tls";
import { connectionHasNoPlaintextPassword } from "./rules/glue/connection-has-no-plaintext-password";
import { dataCatalogIsEncrypted } from "./rules/glue/data-catalog-is-encrypted";
import { jobsAndCrawlersHaveASecurityConfiguration } from "./rules/glue/jobs-and-crawlers-have-a-security-configuration";
import { securityConfigurationEncryptsEverythingWithKms } from "./rules/glue/security-configuration-encrypts-everything-with-kms";
import { namespaceAdminPasswordIsManagedByAws } from "./rules/redshift-serverless/namespace-admin-password-is-managed-by-aws";
import { namespaceExportsAuditLogs } from "./rules/redshift-serverless/namespace-exports-audit-logs";
import { namespaceIsEncryptedWithACustomerManagedKey } from "./rules/redshift-serverless/namespace-is-encrypted-with-a-customer-managed-key";
import { workgroupIsNotPubliclyAccessible } from "./rules/redshift-serverless/workgroup-is-not-publicly-accessible";
import { workgroupRequiresSsl } from "./rules/redshift-serverless/workgroup-requires-ssl";
import { workgroupUsesEnhancedVpcRouting } from "./rules/redshift-serverless/workgroup-uses-enhanced-vpc-routing";
import { workgroupEnforcesItsConfiguration } from "./rules/athena/workgroup-enforces-its-configuration";
import { workgroupResultsAreEncryptedWithACustomerManagedKey } from "./rules/athena/workgroup-results-are-encrypted-with-a-customer-managed-key";
import { dataSourceUsesSsl } from "./rules/quicksight/data-source-uses-ssl";
import { secretHasRotation } from "./rules/secretsmanager/secret-has-rotation";
import { secretIsEncryptedWithACustomerManagedKey } from "./rules/secretsmanager/secret-is-encrypted-with-a-customer-managed-key";
import { environmentHasNoPlaintextCredentials } from "./rules/codebuild/environment-has-no-plaintext-credentials";
import { projectIsEncryptedWithACustomerManagedKey } from "./rules/codebuild/project-is-encrypted-with-a-customer-managed-key";
import { projectIsNotPrivileged } from "./rules/codebuild/project-is-not-privileged";
import { artifactStoresAreEncryptedWithACustomerManagedKey } from "./rules/codepipeline/artifact-stores-are-encrypted-with-a-customer-managed-key";
import { environmentHasNoSecrets } from "./rules/lambda/environment-has-no-secrets";
import { environmentIsEncryptedWithACustomerManagedKey } from "./rules/lambda/environment-is-encrypted-with-a-customer-managed-key";
import { permissionIsNotPublic } from "./rules/lambda/permission-is-not-public";
import { servicePermissionIsScopedBySourceArn } from "./rules/lambda/service-permission-is-scoped-by-source-arn";
import { topicIsEncryptedWithACustomerManagedKey } from "./rules/sns/topic-is-encrypted-with-a-customer-managed-key";
import { topicPolicyRequiresTls } from "./rules/sns/topic-policy-requires-tls";
import { queueIsEncryptedWithACustomerManagedKey } from "./rules/sqs/queue-is-encrypted-with-a-customer-managed-key";
import { queuePolicyRequiresTls } from "./rules/sqs/queue-policy-requires-tls";
import { tableHasPointInTimeRecovery } from "./rules/dynamodb/table-has-point-in-time-recovery";
import { tableIsEncryptedWithACustomerManagedKey } from "./rules/dynamodb/table-is-encrypted-with-a-customer-managed-key";
import { logGroupHasRetention, retentionConfig } from "./rules/logs/log-group-has-retention";
import { logGroupIsEncryptedWithACustomerManagedKey } from "./rules/logs/log-group-is-encrypted-with-a-customer-managed-key";
import { busPolicyIsNotOpen } from "./rules/eventbridge/bus-policy-is-not-open";
import { ingressIsNotOpenToTheInternet } from "./rules/network/ingress-is-not-open-to-the-internet";
import { vpcEndpointsAdmitOnlyThisAccount } from "./rules/network/vpc-endpoints-admit-only-this-account";
import { vpcHasFlowLogs } from "./rules/network/vpc-has-flow-logs";
import { requiredTagsArePresent, requiredTagsConfig } from "./rules/tagging/required-tags-are-present";
import { dataProtectionConfig, prodDataResourcesAreRetained } from "./rules/data-protection/prod-data-resources-are-retained";

export const PACK_NAME = "lakehouse-guardrails";

const iam: CatalogRule[] = [
    resourceRule(
        {
            name: "iam-actions-are-scoped-to-a-service-operation",
            service: "iam",
            severity: "high",
            description: "IAM policies allow named actions only: no `*`, no `service:*`, no NotAction.",
            why: "Wildcard actions grant today's and tomorrow's operations of a service, including destructive ones.",
            remediation: "List the exact actions the principal needs, e.g. s3:GetObject and s3:PutObject instead of s3:*.",
            devEnforcement: "mandatory",
        },
        actionsAreScopedToAServiceOperation,
    ),
    resourceRule(
        {
            name: "iam-actions-exist",
            service: "iam",
            severity: "medium",
            description:
                "Every Action and NotAction of every IAM, trust and resource policy names a real service and matches an action " +
                "of AWS's Service Authorization Reference.",
            why: "A misspelt action is accepted by IAM but grants (or denies) nothing, so the workload fails at run time or a Deny silently protects nothing.",
            remediation:
                "Correct the action to its name in the Service Authorization Reference; the finding names the closest real action.",
            devEnforcement: "mandatory",
        },
        actionsExist,
    ),
    resourceRule(
        {
            name: "iam-wildcard-resources-only-for-unscopable-actions",
            service: "iam",
            severity: "high",
            description:
                'IAM policies use `"Resource": "*"` only for actions the Service Authorization Reference lists without a resource type, ' +
                "and never NotResource.",
            why: "A wildcard resource extends a grant to every bucket, key and table of the account, including other teams' data.",
            remediation:
                "Name the ARNs of this stack's resources of the types the finding lists; an action the reference lists without " +
                "resource types passes on *, and anything else needs an exemption with its reason in the policy config.",
            devEnforcement: "mandatory",
        },
        wildcardResourcesOnlyForUnscopableActions,
    ),
    resourceRule(
        {
            name: "iam-resources-match-the-actions",
            service: "iam",
            severity: "medium",
            description:
                "In every Allow statement each action has a resource of a type it accepts and each resource is of a type one of its " +
                "actions accepts (Service Authorization Reference); resource policies are checked on their explicit ARNs.",
            why: "An action on resources of the wrong type grants nothing, so the workload fails at run time, and a resource no action accepts is dead weight that hides the mistake.",
            remediation:
                "Name the ARN of the type the action acts on (e.g. arn:aws:s3:::bucket/* for s3:GetObject, arn:aws:s3:::bucket for " +
                "s3:ListBucket), or move the action to the statement that names it.",
            devEnforcement: "mandatory",
        },
        resourcesMatchTheActions,
    ),
    resourceRule(
        {
            name: "iam-condition-keys-are-supported",
            service: "iam",
            severity: "medium",
            description:
                "Every condition key exists in the Service Authorization Reference, and a key an Allow statement requires is global " +
                "or supported by every action of the statement.",
            why: "A request for an action that does not support a key lacks it, so a StringEquals or StringLike on that key fails and the statement grants that action nothing.",
            remediation:
                "Move the action to a statement without the condition, or use a key the action lists in the Service Authorization " +
                "Reference (e.g. s3:prefix applies to s3:ListBucket, not to s3:ListBucketMultipartUploads).",
            devEnforcement: "mandatory",
        },
        conditionKeysAreSupported,
    ),
    resourceRule(
        {
            name: "iam-statements-do-not-grant-administrator-access",
            service: "iam",
            severity: "critical",
            description: "No IAM statement allows every action on every resource.",
            why: "An Allow of * on * is full administrator access: it can disable every other control in the account.",
            remediation: "Replace the statement with the specific actions and resources the workload uses.",
            devEnforcement: "mandatory",
        },
        statementsDoNotGrantAdministratorAccess,
    ),
    stackRule(
        {
            name: "iam-managed-policies-are-not-administrative",
            service: "iam",
            severity: "critical",
            description: "No role, user or group has AdministratorAccess, PowerUserAccess or an AWS `*FullAccess` policy attached.",
            why: "AWS's broad managed policies grant far more than a data pipeline needs and change as AWS adds actions.",
            remediation: "Attach a customer-managed policy with the actions and resources the principal needs.",
            devEnforcement: "mandatory",
        },
        managedPoliciesAreNotAdministrative,
    ),
    resourceRule(
        {
            name: "iam-pass-role-is-limited-to-named-roles-and-services",
            service: "iam",
            severity: "high",
            description: "iam:PassRole is allowed only on named role ARNs and with an iam:PassedToService condition.",
            why: "PassRole on * lets a principal hand any role, including admin roles, to a service it controls (privilege escalation).",
            remediation:
                "Set Resource to the ARNs of the roles to pass and add Condition StringEquals iam:PassedToService " +
                "with the service that receives them (e.g. glue.amazonaws.com).",
            devEnforcement: "mandatory",
        },
        passRoleIsLimitedToNamedRolesAndServices,
    ),
    resourceRule(
        {
            name: "iam-trust-policies-name-a-service-or-account",
            service: "iam",
            severity: "critical",
            description: "Role trust policies let only a named AWS service or a specific account or role assume the role.",
            why: "A trust policy with a * principal lets anyone with an AWS account assume the role.",
            remediation: 'Set Principal to {"Service": "<service>.amazonaws.com"} or to a specific account or role ARN.',
            devEnforcement: "mandatory",
        },
        trustPoliciesNameAServiceOrAccount,
    ),
    stackRule(
        {
            name: "iam-policy-attachments-have-a-single-manager",
            service: "iam",
            severity: "medium",
            description:
                "Each IAM role, user and group has its inline policies and managed attachments managed by one mechanism, " +
                "and PolicyAttachment is not used.",
            why: "Exclusive and additive managers of the same attachments undo each other on every update, so permissions drift.",
            remediation:
                "Use RolePolicy/RolePolicyAttachment (optionally with one RolePoliciesExclusive/RolePolicyAttachmentsExclusive " +
                "listing them), not inlinePolicies/managedPolicyArns alongside them, and never PolicyAttachment.",
            devEnforcement: "advisory",
        },
        policyAttachmentsHaveASingleManager,
    ),
    stackRule(
        {
            name: "iam-roles-carry-the-permissions-boundary",
            service: "iam",
            severity: "high",
            description: "Every IAM role carries a permissions boundary that is a managed policy of this stack (or a configured one).",
            why:
                "Without the boundary a role that can write IAM (the deployer) can create or widen a role beyond the stack's services " +
                "and escalate its own privileges.",
            remediation:
                "Register the stack transform permissionsBoundaryTransform (components/security/permissions-boundary.ts) before any " +
                "role, or set permissionsBoundary to the boundary policy's ARN; list an organisation's boundary in boundaryArns.",
            devEnforcement: "mandatory",
        },
        rolesCarryThePermissionsBoundary,
        permissionsBoundaryConfig,
    ),
];

const kms: CatalogRule[] = [
    resourceRule(
        {
            name: "kms-key-rotation-is-enabled",
            service: "kms",
            severity: "high",
            description: "Every symmetric customer-managed KMS key has automatic rotation enabled.",
            why: "Rotation limits how much data one key version protects and is required by most compliance baselines.",
            remediation: "Set enableKeyRotation: true on the aws.kms.Key.",
            devEnforcement: "mandatory",
        },
        keyRotationIsEnabled,
    ),
    resourceRule(
        {
            name: "kms-key-policy-grants-nothing-to-everyone",
            service: "kms",
            severity: "critical",
            description: "KMS key policies allow nothing to the `*` principal unless a condition narrows the grant.",
            why: "An unconditioned * grant in a key policy lets any AWS principal use or manage the key.",
            remediation:
                "Name the account root, roles or services as principals, or add a condition such as kms:CallerAccount " +
                "or kms:ViaService to the statement.",
            devEnforcement: "mandatory",
        },
        keyPolicyGrantsNothingToEveryone,
    ),
];

const s3: CatalogRule[] = [
    stackRule(
        {
            name: "s3-bucket-is-encrypted-with-a-customer-managed-key",
            service: "s3",
            severity: "high",
            description: "Every S3 bucket has default SSE-KMS encryption with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation:
                "Add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and kmsMasterKeyId set to a key of this stack.",
            devEnforcement: "mandatory",
        },
        bucketIsEncryptedWithACustomerManagedKey,
    ),
    stackRule(
        {
            name: "s3-bucket-blocks-all-public-access",
            service: "s3",
            severity: "critical",
            description: "Every S3 bucket has a public access block with all four flags true.",
            why: "A bucket without the block can be made public by one ACL or policy change.",
            remediation:
                "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
            devEnforcement: "mandatory",
        },
        bucketBlocksAllPublicAccess,
    ),
    stackRule(
        {
            name: "s3-bucket-policy-requires-tls",
            service: "s3",
            severity: "high",
            description: "Every S3 bucket has a bucket policy denying requests without TLS.",
            why: "Without it, clients can read and write lake data over plain HTTP.",
            remediation: "Add a Deny statement for s3:* with Condition Bool aws:SecureTransport false to the aws.s3.BucketPolicy.",
            devEnforcement: "mandatory",
        },
        bucketPolicyRequiresTls,
    ),
    stackRule(
        {
            name: "s3-bucket-policy-has-no-public-principal",
            service: "s3",
            severity: "critical",
            description: "No S3 bucket policy allows the * principal without a narrowing condition.",
            why: "A * principal in an Allow makes the bucket readable or writable by anyone.",
            remediation: "Name the principals, or add aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID conditions.",
            devEnforcement: "mandatory",
        },
        bucketPolicyHasNoPublicPrincipal,
    ),
    stackRule(
        {
            name: "s3-bucket-has-versioning",
            service: "s3",
            severity: "medium",
            description: "Every S3 bucket has versioning enabled.",
            why: "Versioning lets us recover data overwritten or deleted by a faulty job.",
            remediation: "Add an aws.s3.BucketVersioning with versioningConfiguration.status Enabled.",
            devEnforcement: "advisory",
        },
        bucketHasVersioning,
    ),
    stackRule(
        {
            name: "s3-bucket-has-access-logging",
            service: "s3",
            severity: "medium",
            description: "Every S3 bucket (except the access-log bucket itself) sends server access logs to a log bucket.",
            why: "Access logs are the audit trail of who read or changed lake data.",
            remediation: "Add an aws.s3.BucketLogging with targetBucket set to the stack's access-log bucket.",
            devEnforcement: "advisory",
        },
        bucketHasAccessLogging,
    ),
];

const glue: CatalogRule[] = [
    stackRule(
        {
            name: "glue-jobs-and-crawlers-have-a-security-configuration",
            service: "glue",
            severity: "high",
            description: "Every Glue job and crawler names a security configuration.",
            why: "Without one, Glue writes job output, logs and bookmarks unencrypted or with AWS-owned keys.",
            remediation: "Set securityConfiguration to the name of the stack's aws.glue.SecurityConfiguration.",
            devEnforcement: "mandatory",
        },
        jobsAndCrawlersHaveASecurityConfiguration,
    ),
    stackRule(
        {
            name: "glue-security-configuration-encrypts-everything-with-kms",
            service: "glue",
            severity: "high",
            description:
                "Glue security configurations encrypt S3 output (SSE-KMS), CloudWatch logs (SSE-KMS) and job bookmarks (CSE-KMS) with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation:
                "Set s3EncryptionMode SSE-KMS, cloudwatchEncryptionMode SSE-KMS and jobBookmarksEncryptionMode CSE-KMS, each with kmsKeyArn.",
            devEnforcement: "mandatory",
        },
        securityConfigurationEncryptsEverythingWithKms,
    ),
    stackRule(
        {
            name: "glue-data-catalog-is-encrypted",
            service: "glue",
            severity: "high",
            description:
                "The Glue Data Catalog is encrypted at rest with a customer-managed key and returns connection passwords encrypted.",
            why: "Catalog metadata and connection passwords describe and unlock the whole lake.",
            remediation:
                "Add an aws.glue.DataCatalogEncryptionSettings with encryptionAtRest SSE-KMS (or SSE-KMS-WITH-SERVICE-ROLE) and connectionPasswordEncryption using a key of this stack; a stack that verifies the setting another stack of its account manages takes an exemption saying so.",
            devEnforcement: "mandatory",
        },
        dataCatalogIsEncrypted,
    ),
    resourceRule(
        {
            name: "glue-connection-has-no-plaintext-password",
            service: "glue",
            severity: "critical",
            description: "Glue connections hold no plain-text PASSWORD; they reference a secret.",
            why: "A password in connectionProperties is stored in state and shown by the Glue console.",
            remediation: "Store the credentials in Secrets Manager and set SECRET_ID instead of USERNAME/PASSWORD.",
            devEnforcement: "mandatory",
        },
        connectionHasNoPlaintextPassword,
    ),
];

const redshift: CatalogRule[] = [
    stackRule(
        {
            name: "redshift-serverless-namespace-is-encrypted-with-a-customer-managed-key",
            service: "redshift-serverless",
            severity: "high",
            description: "Every Redshift Serverless namespace is encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsKeyId on the aws.redshiftserverless.Namespace.",
            devEnforcement: "mandatory",
        },
        namespaceIsEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "redshift-serverless-namespace-admin-password-is-managed-by-aws",
            service: "redshift-serverless",
            severity: "critical",
            description: "Redshift Serverless namespaces let AWS manage the admin password and set none inline.",
            why: "An inline password is stored in Pulumi state and never rotates.",
            remediation: "Set manageAdminPassword: true and remove adminUserPassword.",
            devEnforcement: "mandatory",
        },
        namespaceAdminPasswordIsManagedByAws,
    ),
    resourceRule(
        {
            name: "redshift-serverless-namespace-exports-audit-logs",
            service: "redshift-serverless",
            severity: "medium",
            description: "Redshift Serverless namespaces export the userlog, connectionlog and useractivitylog audit logs.",
            why: "Audit logs record who connected and what they ran against warehouse data.",
            remediation: 'Set logExports to ["userlog", "connectionlog", "useractivitylog"].',
            devEnforcement: "advisory",
        },
        namespaceExportsAuditLogs,
    ),
    resourceRule(
        {
            name: "redshift-serverless-workgroup-is-not-publicly-accessible",
            service: "redshift-serverless",
            severity: "critical",
            description: "Redshift Serverless workgroups are not publicly accessible.",
            why: "A public endpoint exposes the warehouse to the Internet.",
            remediation: "Set publiclyAccessible: false.",
            devEnforcement: "mandatory",
        },
        workgroupIsNotPubliclyAccessible,
    ),
    resourceRule(
        {
            name: "redshift-serverless-workgroup-uses-enhanced-vpc-routing",
            service: "redshift-serverless",
            severity: "medium",
            description: "Redshift Serverless workgroups use enhanced VPC routing.",
            why: "COPY/UNLOAD traffic then stays in the VPC and goes through its endpoints and flow logs.",
            remediation: "Set enhancedVpcRouting: true.",
            devEnforcement: "advisory",
        },
        workgroupUsesEnhancedVpcRouting,
    ),
    resourceRule(
        {
            name: "redshift-serverless-workgroup-requires-ssl",
            service: "redshift-serverless",
            severity: "high",
            description: "Redshift Serverless workgroups set the require_ssl parameter to true.",
            why: "Without it clients may connect unencrypted.",
            remediation: 'Add {parameterKey: "require_ssl", parameterValue: "true"} to configParameters.',
            devEnforcement: "mandatory",
        },
        workgroupRequiresSsl,
    ),
];

const athena: CatalogRule[] = [
    stackRule(
        {
            name: "athena-workgroup-results-are-encrypted-with-a-customer-managed-key",
            service: "athena",
            severity: "high",
            description: "Athena workgroups encrypt query results with SSE_KMS or CSE_KMS and a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: 'Set configuration.resultConfiguration.encryptionConfiguration {encryptionOption: "SSE_KMS", kmsKeyArn}.',
            devEnforcement: "mandatory",
        },
        workgroupResultsAreEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "athena-workgroup-enforces-its-configuration",
            service: "athena",
            severity: "medium",
            description: "Athena workgroups enforce their configuration so clients cannot override result location or encryption.",
            why: "Otherwise a client setting can write unencrypted results elsewhere.",
            remediation: "Set configuration.enforceWorkgroupConfiguration: true.",
            devEnforcement: "mandatory",
        },
        workgroupEnforcesItsConfiguration,
    ),
];

const quicksight: CatalogRule[] = [
    resourceRule(
        {
            name: "quicksight-data-source-uses-ssl",
            service: "quicksight",
            severity: "high",
            description: "QuickSight data sources never disable SSL.",
            why: "Disabling SSL sends warehouse credentials and query results in clear text.",
            remediation: "Remove sslProperties.disableSsl or set it to false.",
            devEnforcement: "mandatory",
        },
        dataSourceUsesSsl,
    ),
];

const secrets: CatalogRule[] = [
    stackRule(
        {
            name: "secretsmanager-secret-is-encrypted-with-a-customer-managed-key",
            service: "secretsmanager",
            severity: "high",
            description: "Secrets Manager secrets are encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsKeyId on the aws.secretsmanager.Secret.",
            devEnforcement: "mandatory",
        },
        secretIsEncryptedWithACustomerManagedKey,
    ),
    stackRule(
        {
            name: "secretsmanager-secret-has-rotation",
            service: "secretsmanager",
            severity: "medium",
            description:
                "Secrets Manager secrets are rotated by a SecretRotation; secrets AWS cannot rotate carry an exemption naming who rotates them.",
            why: "Rotation limits how long a leaked credential stays useful.",
            remediation: "Add an aws.secretsmanager.SecretRotation, or exempt the secret with the reason in the policy config.",
            devEnforcement: "advisory",
        },
        secretHasRotation,
    ),
];

const cicd: CatalogRule[] = [
    stackRule(
        {
            name: "codebuild-project-is-encrypted-with-a-customer-managed-key",
            service: "codebuild",
            severity: "medium",
            description: "CodeBuild projects encrypt build artifacts with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set encryptionKey on the aws.codebuild.Project.",
            devEnforcement: "mandatory",
        },
        projectIsEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "codebuild-project-is-not-privileged",
            service: "codebuild",
            severity: "high",
            description: "CodeBuild projects do not run in privileged mode unless exempted.",
            why: "Privileged mode gives the build root on the host and access to the Docker daemon.",
            remediation: "Set environment.privilegedMode: false, or exempt the project with the reason (Docker image builds).",
            devEnforcement: "mandatory",
        },
        projectIsNotPrivileged,
    ),
    resourceRule(
        {
            name: "codebuild-environment-has-no-plaintext-credentials",
            service: "codebuild",
            severity: "critical",
            description: "CodeBuild PLAINTEXT environment variables carry no credentials.",
            why: "Plain-text variables are visible in the console, API and state.",
            remediation: "Use environment variables of type SECRETS_MANAGER or PARAMETER_STORE.",
            devEnforcement: "mandatory",
        },
        environmentHasNoPlaintextCredentials,
    ),
    stackRule(
        {
            name: "codepipeline-artifact-stores-are-encrypted-with-a-customer-managed-key",
            service: "codepipeline",
            severity: "medium",
            description: "CodePipeline artifact stores are encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: 'Set artifactStores[].encryptionKey {id: key ARN, type: "KMS"}.',
            devEnforcement: "mandatory",
        },
        artifactStoresAreEncryptedWithACustomerManagedKey,
    ),
];

const lambda: CatalogRule[] = [
    resourceRule(
        {
            name: "lambda-permission-is-not-public",
            service: "lambda",
            severity: "critical",
            description: "Lambda invoke permissions never name the * principal.",
            why: "A * principal lets anyone invoke the function.",
            remediation: "Name the service or account principal that invokes the function.",
            devEnforcement: "mandatory",
        },
        permissionIsNotPublic,
    ),
    resourceRule(
        {
            name: "lambda-service-permission-is-scoped-by-source-arn",
            service: "lambda",
            severity: "high",
            description: "Lambda permissions for AWS service principals set sourceArn.",
            why: "Without sourceArn any resource of that service, in any account, can invoke the function (confused deputy).",
            remediation: "Set sourceArn to the ARN of the rule, bucket or topic that invokes the function.",
            devEnforcement: "mandatory",
        },
        servicePermissionIsScopedBySourceArn,
    ),
    stackRule(
        {
            name: "lambda-environment-is-encrypted-with-a-customer-managed-key",
            service: "lambda",
            severity: "medium",
            description: "Lambda functions with environment variables encrypt them with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsKeyArn on the aws.lambda.Function.",
            devEnforcement: "mandatory",
        },
        environmentIsEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "lambda-environment-has-no-secrets",
            service: "lambda",
            severity: "critical",
            description: "Lambda environment variables hold no credentials; they reference secrets by ARN.",
            why: "Environment variables are readable by anyone who can read the function's configuration.",
            remediation: "Store the value in Secrets Manager and pass its ARN (e.g. API_TOKEN_SECRET_ARN).",
            devEnforcement: "mandatory",
        },
        environmentHasNoSecrets,
    ),
];

const messaging: CatalogRule[] = [
    stackRule(
        {
            name: "sns-topic-is-encrypted-with-a-customer-managed-key",
            service: "sns",
            severity: "medium",
            description: "SNS topics are encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsMasterKeyId on the aws.sns.Topic.",
            devEnforcement: "mandatory",
        },
        topicIsEncryptedWithACustomerManagedKey,
    ),
    stackRule(
        {
            name: "sns-topic-policy-requires-tls",
            service: "sns",
            severity: "medium",
            description: "SNS topics have a policy denying publishes without TLS.",
            why: "Without it, messages can be published over plain HTTP.",
            remediation: "Add a Deny statement with Condition Bool aws:SecureTransport false to the topic policy.",
            devEnforcement: "mandatory",
        },
        topicPolicyRequiresTls,
    ),
    stackRule(
        {
            name: "sqs-queue-is-encrypted-with-a-customer-managed-key",
            service: "sqs",
            severity: "medium",
            description: "SQS queues are encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsMasterKeyId on the aws.sqs.Queue.",
            devEnforcement: "mandatory",
        },
        queueIsEncryptedWithACustomerManagedKey,
    ),
    stackRule(
        {
            name: "sqs-queue-policy-requires-tls",
            service: "sqs",
            severity: "medium",
            description: "SQS queues have a policy denying requests without TLS.",
            why: "Without it, messages can be sent and received over plain HTTP.",
            remediation: "Add a Deny statement with Condition Bool aws:SecureTransport false to the queue policy.",
            devEnforcement: "mandatory",
        },
        queuePolicyRequiresTls,
    ),
    stackRule(
        {
            name: "dynamodb-table-is-encrypted-with-a-customer-managed-key",
            service: "dynamodb",
            severity: "medium",
            description: "DynamoDB tables enable server-side encryption with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set serverSideEncryption {enabled: true, kmsKeyArn}.",
            devEnforcement: "mandatory",
        },
        tableIsEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "dynamodb-table-has-point-in-time-recovery",
            service: "dynamodb",
            severity: "medium",
            description: "DynamoDB tables have point-in-time recovery enabled.",
            why: "It restores the error log after an accidental overwrite or delete.",
            remediation: "Set pointInTimeRecovery {enabled: true}.",
            devEnforcement: "advisory",
        },
        tableHasPointInTimeRecovery,
    ),
    stackRule(
        {
            name: "logs-log-group-is-encrypted-with-a-customer-managed-key",
            service: "logs",
            severity: "medium",
            description: "CloudWatch log groups are encrypted with a customer-managed key.",
            why: "A customer-managed key lets us control, audit and revoke access to the data independently of the data's own permissions.",
            remediation: "Set kmsKeyId on the aws.cloudwatch.LogGroup (the key policy must allow logs.<region>.amazonaws.com).",
            devEnforcement: "mandatory",
        },
        logGroupIsEncryptedWithACustomerManagedKey,
    ),
    resourceRule(
        {
            name: "logs-log-group-has-retention",
            service: "logs",
            severity: "low",
            description: "CloudWatch log groups set a retention of at least the configured minimum.",
            why: "Logs kept forever cost money and keep personal data longer than needed; too short loses audit evidence.",
            remediation: "Set retentionInDays (14 in dev, 365 in prod).",
            devEnforcement: "mandatory",
        },
        logGroupHasRetention,
        retentionConfig,
    ),
    resourceRule(
        {
            name: "eventbridge-bus-policy-is-not-open",
            service: "eventbridge",
            severity: "high",
            description: "EventBridge bus policies allow * only under an organisation, account or source condition.",
            why: "An open bus lets any account inject events that trigger our pipeline.",
            remediation: "Name the accounts, or add an aws:PrincipalOrgID or aws:SourceAccount condition.",
            devEnforcement: "mandatory",
        },
        busPolicyIsNotOpen,
    ),
];

const network: CatalogRule[] = [
    resourceRule(
        {
            name: "network-ingress-is-not-open-to-the-internet",
            service: "network",
            severity: "critical",
            description: "No security group ingress admits 0.0.0.0/0 or ::/0.",
            why: "The lakehouse has no public endpoints; open ingress exposes the VPC to the Internet.",
            remediation: "Restrict ingress to the VPC CIDR or to security groups.",
            devEnforcement: "mandatory",
        },
        ingressIsNotOpenToTheInternet,
    ),
    stackRule(
        {
            name: "network-vpc-has-flow-logs",
            service: "network",
            severity: "medium",
            description: "Every VPC (including awsx VPC components) has a flow log.",
            why: "Flow logs are the network audit trail for incident response.",
            remediation: "Create an aws.ec2.FlowLog with vpcId set to the VPC's id.",
            devEnforcement: "advisory",
        },
        vpcHasFlowLogs,
    ),
    resourceRule(
        {
            name: "network-vpc-endpoints-admit-only-this-account",
            service: "network",
            severity: "medium",
            description:
                "Every VPC endpoint, awsx's included, has a policy whose Allow statements are confined to this account's principals or resources.",
            why: "An endpoint without a policy allows every call to the service, so anything in the VPC can reach other accounts' resources through it (a data exfiltration path).",
            remediation:
                "Set the endpoint's policy with aws:PrincipalAccount and aws:ResourceAccount (s3:ResourceAccount for S3) conditions naming the account.",
            devEnforcement: "mandatory",
        },
        vpcEndpointsAdmitOnlyThisAccount,
    ),
];

const governance: CatalogRule[] = [
    resourceRule(
        {
            name: "tagging-required-tags-are-present",
            service: "tagging",
            severity: "low",
            description: "Every taggable AWS resource carries the required tag keys (its tags or the provider's default tags).",
            why: "Tags attribute cost and ownership and drive access policies.",
            remediation: "Set the tags on the resource or in the provider's defaultTags (aws:defaultTags).",
            devEnforcement: "advisory",
        },
        requiredTagsArePresent,
        requiredTagsConfig,
    ),
    resourceRule(
        {
            name: "data-protection-prod-data-resources-are-retained",
            service: "data-protection",
            severity: "high",
            description: "In prod every data-bearing resource is protected or retained on delete.",
            why: "A pulumi destroy or a replacing change must never delete production data.",
            remediation: "Set the protect and retainOnDelete resource options on the resource in prod.",
            devEnforcement: "mandatory",
        },
        prodDataResourcesAreRetained,
        dataProtectionConfig,
    ),
];

export const catalog: readonly CatalogRule[] = [
    ...iam,
    ...kms,
    ...s3,
    ...glue,
    ...redshift,
    ...athena,
    ...quicksight,
    ...secrets,
    ...cicd,
    ...lambda,
    ...messaging,
    ...network,
    ...governance,
];
