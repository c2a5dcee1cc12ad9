import * as pulumi from "@pulumi/pulumi";
import { MockOptions, mockArn } from "../support/pulumi-mocks";

export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

/** Azure ARM types the examples create, for ids shaped like the real ones (the components parse them). */
const ARM_TYPES: Record<string, string> = {
  "azure-native:network:VirtualNetwork": "Microsoft.Network/virtualNetworks",
  "azure-native:network:NetworkManager": "Microsoft.Network/networkManagers",
  "azure-native:network:NetworkSecurityGroup": "Microsoft.Network/networkSecurityGroups",
  "azure-native:network:FirewallPolicy": "Microsoft.Network/firewallPolicies",
  "azure-native:network:IpGroup": "Microsoft.Network/ipGroups",
  "azure-native:dnsresolver:DnsResolverPolicy": "Microsoft.Network/dnsResolverPolicies",
};

/** Answers for the data sources (invokes) the examples call. */
const CALLS: Record<string, (inputs: Record<string, any>) => Record<string, unknown>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": () => ({ names: ["zone-a", "zone-b", "zone-c"], zoneIds: ["az1", "az2", "az3"] }),
  "azure-native:authorization:getClientConfig": () => ({ subscriptionId: SUBSCRIPTION, tenantId: SUBSCRIPTION, clientId: SUBSCRIPTION, objectId: SUBSCRIPTION }),
};

/** An Azure resource's own name: its `<type>Name` input (e.g. `virtualNetworkName`) when given, else the logical name. */
function azureName(a: pulumi.runtime.MockResourceArgs): string {
  const type = a.type.split(":")[2];
  return a.inputs[`${type[0].toLowerCase()}${type.slice(1)}Name`] ?? a.name;
}

function mockId(a: pulumi.runtime.MockResourceArgs): string {
  if (a.type === "azure-native:resources:ResourceGroup") return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${azureName(a)}`;
  const arm = ARM_TYPES[a.type];
  if (arm) return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${a.inputs.resourceGroupName}/providers/${arm}/${azureName(a)}`;
  return `${a.name}-id`;
}

/**
 * The examples' mock providers (test/support/pulumi-mocks.ts records the registrations): an id
 * (ARM-shaped for Azure), the inputs as state, and an ARN (AWS) or the resource's own name (Azure).
 */
export const EXAMPLE_MOCKS: MockOptions = {
  project: "agora-egress-examples",
  id: mockId,
  state: (a) => (a.type.startsWith("azure-native:") ? { name: azureName(a) } : { arn: mockArn(a.name) }),
  calls: CALLS,
};

/** The stack outputs an example program returns, resolved. */
export function resolveOutputs<T extends Record<string, unknown>>(outputs: T): Promise<pulumi.Unwrap<T>> {
  return new Promise((resolve) => pulumi.output(outputs).apply((v) => resolve(v as pulumi.Unwrap<T>)));
}

/** Resource counts by type token, for comparing what a program created with what its plans say. */
export function countByType(items: readonly { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { type } of items) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
