import type { ResourceTypeActions } from "../deploy-scopes";
import { glueTags } from "./helpers";

/** What `pulumi up` calls for each type of this domain (see deploy-actions/index.ts). The Glue Data Catalog: databases, tables, its encryption, data-quality rulesets. */
export const catalogActions: Readonly<Record<string, ResourceTypeActions>> = {
    "aws:glue/catalogDatabase:CatalogDatabase": {
        catalog: ["glue:CreateDatabase", "glue:GetDatabase", "glue:UpdateDatabase", "glue:DeleteDatabase", ...glueTags],
    },
    "aws:glue/catalogTable:CatalogTable": {
        catalog: ["glue:CreateTable", "glue:GetTable", "glue:UpdateTable", "glue:DeleteTable", "glue:GetPartitionIndexes"],
    },
    "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings": {
        catalog: ["glue:PutDataCatalogEncryptionSettings", "glue:GetDataCatalogEncryptionSettings"],
    },
    // Creating a ruleset has no resource type, only the tags of the request.
    "aws:glue/dataQualityRuleset:DataQualityRuleset": {
        taggedCreation: ["glue:CreateDataQualityRuleset"],
        etl: ["glue:GetDataQualityRuleset", "glue:UpdateDataQualityRuleset", "glue:DeleteDataQualityRuleset", ...glueTags],
    },
};
