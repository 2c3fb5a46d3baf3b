/**
 * The offline policy runner used by `npm run check`: no Pulumi CLI, no credentials. It reuses
 * the pack's catalog (never index.ts, whose PolicyPack constructor starts a gRPC server).
 */
export {
    parseResourceDocument,
    ResourceDocumentError,
    UNKNOWN_VALUE,
    type ExportedResource,
    type ResourceDocument,
} from "./runner/resource-document";
export { loadPolicyConfig, PolicyConfigError, type PolicyConfig } from "./runner/policy-config";
export { runPolicies, hasMandatoryViolations, type Finding } from "./runner/engine";
export { formatFindingsTable, formatFindingsMarkdown } from "./runner/report";
