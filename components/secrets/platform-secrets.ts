import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackContext } from "../../lib/stack-context";

/** The JSON keys a person puts into the Pulumi backend secret, per backend kind. */
export const pulumiBackendSecretKeys = {
    "pulumi-cloud": ["PULUMI_ACCESS_TOKEN"],
    "self-managed": ["PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE"],
} as const;
export type PulumiBackend = keyof typeof pulumiBackendSecretKeys;

export interface PlatformSecretsArgs {
    /** Where the stack deploys, how it names things and protects its data. */
    readonly context: StackContext;
    readonly secretsKey: aws.kms.Key;
    /** Days (7-30) a deleted secret can be restored. */
    readonly recoveryWindowDays: number;
    /** Decides the JSON keys the Pulumi backend secret documents. */
    readonly pulumiBackend: PulumiBackend;
}

/**
 * Secrets whose values people supply. Each is created without a value: the platform never
 * holds the plain text, so it is never in a stack file, an environment variable or the state.
 * The description says what to put in it; README "Secrets" shows the command.
 *
 * The Redshift admin password is not here: Redshift Serverless creates and rotates that secret
 * itself (`manageAdminPassword`), encrypted with the same key.
 */
export class PlatformSecrets extends pulumi.ComponentResource {
    /** Credentials of the REST source the ingestion reads: JSON `{"username": ..., "password": ...}` or `{"token": ...}`. */
    readonly restSourceCredentials: aws.secretsmanager.Secret;
    /** What the delivery pipeline logs in to the Pulumi backend with; JSON keys from `pulumiBackendSecretKeys`. */
    readonly pulumiBackend: aws.secretsmanager.Secret;

    constructor(name: string, args: PlatformSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("lakehouse:secrets:PlatformSecrets", name, {}, opts);

        const secret = (purpose: string, description: string): aws.secretsmanager.Secret =>
            new aws.secretsmanager.Secret(
                `${name}-${purpose}`,
                {
                    name: `${args.context.names.prefix}/${purpose}`,
                    description,
                    kmsKeyId: args.secretsKey.arn,
                    recoveryWindowInDays: args.recoveryWindowDays,
                },
                { parent: this },
            );

        this.restSourceCredentials = secret(
            "rest-source-credentials",
            'Credentials of the REST source the ingestion reads. Set by a person: JSON {"username","password"} or {"token"}. Rotated at the source.',
        );
        const backendKeys = pulumiBackendSecretKeys[args.pulumiBackend].join('", "');
        this.pulumiBackend = secret(
            "pulumi-backend",
            `Pulumi ${args.pulumiBackend} login for the delivery pipeline. Set by a person: JSON with "${backendKeys}".`,
        );

        this.registerOutputs({ restSourceCredentialsArn: this.restSourceCredentials.arn, pulumiBackendArn: this.pulumiBackend.arn });
    }
}
