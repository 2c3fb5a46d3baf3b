/**
 * Every rule of the pack, assembled from the per-service barrels under rules/; each rule file
 * carries its check with its metadata. index.ts serves these policies; the offline runner
 * (offline.ts) evaluates the same objects, so both always run the same pack.
 */
import type { CatalogRule } from "./framework/policy-factory";
import { rules as iam } from "./rules/iam";
import { rules as kms } from "./rules/kms";
import { rules as s3 } from "./rules/s3";
import { rules as glue } from "./rules/glue";
import { rules as redshiftServerless } from "./rules/redshift-serverless";
import { rules as athena } from "./rules/athena";
import { rules as quicksight } from "./rules/quicksight";
import { rules as secretsmanager } from "./rules/secretsmanager";
import { rules as codebuild } from "./rules/codebuild";
import { rules as codepipeline } from "./rules/codepipeline";
import { rules as lambda } from "./rules/lambda";
import { rules as sns } from "./rules/sns";
import { rules as sqs } from "./rules/sqs";
import { rules as dynamodb } from "./rules/dynamodb";
import { rules as logs } from "./rules/logs";
import { rules as eventbridge } from "./rules/eventbridge";
import { rules as network } from "./rules/network";
import { rules as tagging } from "./rules/tagging";
import { rules as dataProtection } from "./rules/data-protection";

export const PACK_NAME = "lakehouse-guardrails";

export const catalog: readonly CatalogRule[] = [
    ...iam,
    ...kms,
    ...s3,
    ...glue,
    ...redshiftServerless,
    ...athena,
    ...quicksight,
    ...secretsmanager,
    ...codebuild,
    ...codepipeline,
    ...lambda,
    ...sns,
    ...sqs,
    ...dynamodb,
    ...logs,
    ...eventbridge,
    ...network,
    ...tagging,
    ...dataProtection,
];
