import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "../config";
import { stackServices } from "../components/security/stack-services";
import { PlatformNetwork } from "../components/network/platform-network";
import { PlatformAlerts } from "../components/observability/platform-alerts";
import { PlatformSecrets } from "../components/secrets/platform-secrets";
import { PermissionsBoundary, permissionsBoundaryTransform } from "../components/security/permissions-boundary";
import { PlatformKeys } from "../components/security/platform-keys";
import type { StackContext } from "../lib/stack-context";
import { deployFeaturesOf } from "./delivery";

export interface Foundation {
    readonly boundary: PermissionsBoundary;
    readonly keys: PlatformKeys;
    readonly secrets: PlatformSecrets;
    readonly alerts: PlatformAlerts;
    readonly network: PlatformNetwork;
}

/** The permissions boundary (before any role), the keys per purpose, the secrets people fill, the alert topic, the network. */
export function foundation(context: StackContext, config: PlatformConfig): Foundation {
    const { prefix } = context.names;
    const boundary = new PermissionsBoundary(`${prefix}-boundary`, {
        context,
        services: stackServices(deployFeaturesOf(config), config.delivery?.connectionArn),
    });
    pulumi.runtime.registerResourceTransform(permissionsBoundaryTransform(boundary.arn, boundary.policy));

    const keys = new PlatformKeys(`${prefix}-keys`, { context });
    const secrets = new PlatformSecrets(`${prefix}-secrets`, {
        context,
        secretsKey: keys.secrets,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
        pulumiBackend: config.delivery?.pulumiBackend ?? "pulumi-cloud",
    });
    const alerts = new PlatformAlerts(`${prefix}-alerts`, { context, logsKey: keys.logs, emails: config.alertEmails });
    const network = new PlatformNetwork(`${prefix}-network`, { context, network: config.network, logsKey: keys.logs });
    return { boundary, keys, secrets, alerts, network };
}

export function foundationOutputs({ keys, secrets, alerts, network }: Foundation) {
    return {
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        secrets: { restSourceCredentials: secrets.restSourceCredentials.arn, pulumiBackend: secrets.pulumiBackend.arn },
        alertTopic: alerts.topic.arn,
        kmsKeys: {
            dataLake: keys.dataLake.arn,
            logs: keys.logs.arn,
            secrets: keys.secrets.arn,
            warehouse: keys.warehouse.arn,
            delivery: keys.delivery.arn,
        },
    };
}
