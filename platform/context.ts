import * as aws from "@pulumi/aws";
import type { PlatformConfig } from "../config";
import { stackContext, type StackContext } from "../lib/stack-context";

/** The stack's context: its config's project, stack, region, protection and tags, and the account it deploys to. */
export async function currentStackContext(config: PlatformConfig): Promise<StackContext> {
    const [identity, partition] = await Promise.all([aws.getCallerIdentity(), aws.getPartition()]);
    return stackContext({
        project: config.project,
        stack: config.stack,
        environment: config.environment,
        partition: partition.partition,
        region: config.region,
        accountId: identity.accountId,
        protection: config.protection,
        tags: config.tags,
    });
}
