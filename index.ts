/**
 * The lakehouse platform, one stack per environment. Reads config once, then builds the platform
 * in the order data flows through it: foundation, lake, serving's warehouse, processing, analytics,
 * delivery. Each domain lives in platform/ and assembles its own stack outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { loadPlatformConfig } from "./config";
import { checkDataCatalogEncryption } from "./components/catalog/data-catalog-encryption";
import { dataProtectionTransform } from "./lib/protection/data-protection";
import { requiredTagsTransform } from "./lib/tagging/required-tags";
import { currentStackContext } from "./platform/context";
import { delivery, deliveryOutputs } from "./platform/delivery";
import { foundation, foundationOutputs } from "./platform/foundation";
import { lake, lakeOutputs } from "./platform/lake";
import { processing, processingOutputs } from "./platform/processing";
import { analytics, servingOutputs, warehouse } from "./platform/serving";

export = async () => {
    // Fails with every config problem listed before anything is registered.
    const config = loadPlatformConfig();
    pulumi.runtime.registerResourceTransform(requiredTagsTransform(config.tags));
    // Every data-bearing resource is protected and kept where the environment keeps data.
    pulumi.runtime.registerResourceTransform(dataProtectionTransform(config.protection.retainOnDelete));
    const context = await currentStackContext(config);
    // The catalog's encryption is the account's: the stack that manages it claims it, the others check it.
    await checkDataCatalogEncryption(context, config.catalog.encryption);

    // Foundation: the permissions boundary (before any role), keys, secrets, alerts, network.
    const base = foundation(context, config);
    // Lake: landing -> bronze -> silver -> gold, quarantine beside them, and the catalog over them.
    const lakehouse = lake(context, config, base);
    // Serving: Redshift Serverless reads gold through Spectrum and keeps its own tables.
    const redshift = warehouse(context, config, base, lakehouse);
    // Processing: a landing manifest (or the fallback schedule) starts bronze -> silver -> gold -> warehouse load.
    const etl = processing(context, config, base, lakehouse, redshift);
    // Serving: Athena over gold for everyone; QuickSight and Snowflake where configured.
    const bi = await analytics(context, config, base, lakehouse, redshift);
    // Delivery: the pipeline that tests, checks, previews, approves (prod) and deploys this stack.
    const pipeline = delivery(context, config, base, lakehouse, etl, redshift, bi);

    const { buckets, databases } = lakeOutputs(lakehouse);
    return {
        environment: config.environment,
        region: config.region,
        ...foundationOutputs(base),
        buckets,
        ...processingOutputs(etl, databases),
        ...servingOutputs(redshift, bi),
        ...deliveryOutputs(pipeline),
    };
};
