import type { ResourceTypeActions } from "../deploy-scopes";
import { storageActions } from "./storage";
import { securityActions } from "./security";
import { observabilityActions } from "./observability";
import { catalogActions } from "./catalog";
import { etlActions } from "./etl";
import { networkActions } from "./network";
import { warehouseActions } from "./warehouse";
import { analyticsActions } from "./analytics";
import { deliveryActions } from "./delivery";

/**
 * Every resource type the stack plans, with what `pulumi up` calls for it. The one place that
 * maps the plan to AWS services: the deploy policy is built from it, the boundary allows the
 * services it names, and test/program/deployer-access.test.ts fails when a planned type is
 * missing here or a row names a type no stack plans. Packaged components (awsx) list the actions
 * of the resources they create. Actions come from the AWS provider's create/read/update/delete
 * calls; resource types and condition keys per action from the Service Authorization Reference.
 */
export const deployActionsByResourceType: Readonly<Record<string, ResourceTypeActions>> = {
    ...storageActions,
    ...securityActions,
    ...observabilityActions,
    ...catalogActions,
    ...etlActions,
    ...networkActions,
    ...warehouseActions,
    ...analyticsActions,
    ...deliveryActions,
};
