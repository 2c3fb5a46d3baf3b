import { deployServices, type DeployFeature } from "../cicd/deploy-policy";

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Services the workloads call that the deployer never manages: the Data API runs the warehouse SQL. */
const workloadOnlyServices = ["redshift-data"];

/**
 * Every service a role of this stack may use: what the permissions boundary allows. The deployer
 * manages every service the workloads call; test/program/deployer-access.test.ts checks that
 * against every role's policy.
 */
export function stackServices(features: readonly DeployFeature[], connectionArn?: string): string[] {
    return unique([...deployServices(features, connectionArn), ...workloadOnlyServices]);
}
