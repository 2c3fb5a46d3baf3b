import { ADVISORY_IN_DEV, stackRule } from "../../framework/policy-factory";
import { resourceLabel } from "../../framework/resource-label";
import type { StackViolation } from "../../framework/rule-types";
import type { GraphResource, StackGraph } from "../../framework/stack-graph";

const VPC = "aws:ec2/vpc:Vpc";
const AWSX_VPC = "awsx:ec2:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

/**
 * Every VPC has a flow log. An awsx VPC component and the aws:ec2/vpc:Vpc it creates count as
 * one VPC: in an offline plan the component is a single resource whose vpcId our program passes
 * to the FlowLog, in a real preview its child VPC appears too.
 */
export function vpcHasFlowLogs(stack: StackGraph): StackViolation[] {
    const flowLogs = stack.ofType(FLOW_LOG);
    const components = stack.ofType(AWSX_VPC);
    const groups: GraphResource[][] = [
        ...components.map((component) => [component, ...stack.children(component.urn).filter((c) => c.type === VPC)]),
        ...stack
            .ofType(VPC)
            .filter((vpc) => !components.some((c) => c.urn === vpc.parentUrn))
            .map((vpc) => [vpc]),
    ];
    return groups.flatMap((group): StackViolation[] => {
        const covered = flowLogs.some((flowLog) =>
            stack
                .referencedBy(flowLog, "vpcId", flowLog.props.vpcId, [VPC, AWSX_VPC], ["id", "vpcId"])
                .some((target) => group.includes(target)),
        );
        return covered
            ? []
            : [
                  {
                      urn: group[0].urn,
                      message: `${resourceLabel(group[0])} must have VPC flow logs (an aws.ec2.FlowLog with its vpcId), but none is configured.`,
                  },
              ];
    });
}

export const rule = stackRule(
    {
        name: "network-vpc-has-flow-logs",
        service: "network",
        severity: "medium",
        description: "Every VPC (including awsx VPC components) has a flow log.",
        why: "Flow logs are the network audit trail for incident response.",
        remediation: "Create an aws.ec2.FlowLog with vpcId set to the VPC's id.",
        resourceTypes: ["aws:ec2/flowLog:FlowLog", "aws:ec2/vpc:Vpc", "awsx:ec2:Vpc"],
        enforcement: ADVISORY_IN_DEV,
    },
    vpcHasFlowLogs,
);
