import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { ChildResult, Cloud, Construction, SpecTemplate, networkName, vpcId } from "./landing-zone";
import { installMocks, timeSynthesis } from "./mocks";

type ResourceClass = new (name: string, args: any, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** The provider classes a hand-written program would import: the same submodules the components use. */
function classes(cloud: Cloud): Record<string, ResourceClass> {
  if (cloud === Cloud.Aws) {
    const ec2 = require("@pulumi/aws/ec2") as typeof import("@pulumi/aws/ec2");
    const vpc = require("@pulumi/aws/vpc") as typeof import("@pulumi/aws/vpc");
    return {
      "aws:ec2/securityGroup:SecurityGroup": ec2.SecurityGroup,
      "aws:ec2/managedPrefixList:ManagedPrefixList": ec2.ManagedPrefixList,
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": vpc.SecurityGroupEgressRule,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": vpc.SecurityGroupIngressRule,
    };
  }
  const network = require("@pulumi/azure-native/network") as typeof import("@pulumi/azure-native/network");
  return {
    "azure-native:network:NetworkSecurityGroup": network.NetworkSecurityGroup,
    "azure-native:network:SecurityRule": network.SecurityRule,
  };
}

const REF = /^\$\{([^.}]+)\.([^}]+)\}$/;

/** One network's resources, as a program would write them: `securityGroupId: group.id` and so on. */
function buildNetwork(i: number, template: SpecTemplate, byType: Record<string, ResourceClass>, parent?: pulumi.Resource): void {
  const created = new Map<string, pulumi.CustomResource>();
  const external: Record<string, Record<string, unknown>> = { vpc: { id: vpcId(i) } };
  const value = (v: unknown): unknown => {
    if (typeof v === "string") {
      const m = REF.exec(v);
      if (!m) return v;
      return external[m[1]]?.[m[2]] ?? (created.get(m[1]) as unknown as Record<string, unknown>)[m[2]];
    }
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    return v;
  };
  for (const spec of template.resources) {
    const dependsOn = (spec.dependsOn ?? []).map((n) => created.get(n)!);
    const opts: pulumi.CustomResourceOptions = { ...(parent ? { parent } : {}), ...(dependsOn.length ? { dependsOn } : {}) };
    created.set(spec.name, new byType[spec.type](`${networkName(i)}-${spec.name}`, value(spec.inputs), opts));
  }
}

/**
 * Child process: builds the landing zone resource by resource from precomputed specs, without
 * the package. argv: cloud size specs.json [direct | direct-grouped].
 */
async function main(): Promise<void> {
  const [cloud, size, specs, construction] = [process.argv[2] as Cloud, Number(process.argv[3]), process.argv[4], process.argv[5] as Construction];
  const template = JSON.parse(readFileSync(specs, "utf8")) as SpecTemplate;
  const mocks = await installMocks();
  const byType = classes(cloud);
  const timed = await timeSynthesis(() => {
    for (let i = 0; i < size; i++) {
      const group = construction === Construction.DirectGrouped ? new pulumi.ComponentResource("bench:index:Network", networkName(i)) : undefined;
      buildNetwork(i, template, byType, group);
    }
  });
  const result: ChildResult = { cloud, construction, size, registrations: mocks.registered(), ...timed, maxRssKiB: process.resourceUsage().maxRSS };
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
