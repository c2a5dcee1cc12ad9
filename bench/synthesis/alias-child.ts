import * as pulumi from "@pulumi/pulumi";
import { installMocks, timeSynthesis } from "./mocks";

/**
 * Child process isolating what an azure-native resource costs Pulumi: `count` AWS egress rules
 * with 0 or 60 type aliases (every azure-native resource carries one per past API version),
 * directly in the Stack or under a component. argv: count aliases grouped(yes|no).
 */
async function main(): Promise<void> {
  const [count, aliases, grouped] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] === "yes"];
  const mocks = await installMocks();
  const vpc = require("@pulumi/aws/vpc") as typeof import("@pulumi/aws/vpc");
  const aliasList = Array.from({ length: aliases }, (_, i) => ({ type: `aws:vpc/v${i}:SecurityGroupEgressRule` }));
  const { synthesisMs } = await timeSynthesis(() => {
    const parent = grouped ? new pulumi.ComponentResource("bench:index:Group", "group") : undefined;
    for (let i = 0; i < count; i++) {
      new vpc.SecurityGroupEgressRule(`rule-${i}`, { securityGroupId: "sg-0", ipProtocol: "tcp", fromPort: i + 1, toPort: i + 1, cidrIpv4: "0.0.0.0/0" },
        { ...(parent ? { parent } : {}), ...(aliases ? { aliases: aliasList } : {}) });
    }
  });
  console.log(JSON.stringify({ count, aliases, grouped, registrations: mocks.registered(), synthesisMs, maxRssKiB: process.resourceUsage().maxRSS }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
