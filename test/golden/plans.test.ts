/**
 * Golden plans: for each scenario and cloud, the plan JSON the CLI prints (`plan --format json`),
 * byte for byte. They pin what the components deploy while the code around the renderers is
 * reshaped; a change to a golden file is a change to what users deploy, reviewed as such.
 * `UPDATE_GOLDEN=1 npx jest test/golden` rewrites them after an intended change.
 */
import * as fs from "fs";
import * as path from "path";
import { planJson, runPlanner } from "../../src/cli/commands/plan";
import { jsonText } from "../../src/cli/format/json";
import { CliContext } from "../../src/cli/context";
import { planners } from "../../src/cli/planners";
import { SelectionInput, resolve } from "../../src/resolve";
import { readStackSelection } from "../../src/stack";

const REPO = path.resolve(__dirname, "../..");
const ctx: CliContext = { stdout: () => undefined, stderr: () => undefined, cwd: REPO, planners };
const ALL_SIX = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];

interface Scenario {
  readonly selection: SelectionInput;
  readonly aws?: Record<string, unknown>;
  readonly azure?: Record<string, unknown>;
}

const stack = (name: string): Scenario => {
  const s = readStackSelection(REPO, name);
  return { selection: s.selection, aws: s.aws as Record<string, unknown>, azure: s.azure as Record<string, unknown> };
};

const SCENARIOS: Record<string, () => Scenario> = {
  "all-six-direct": () => ({ selection: { edition: "2020-05", sdks: ALL_SIX } }),
  "cloud-proxy-test": () => stack("test"),
  "production": () => stack("production"),
  "existing-resources": () => ({
    selection: { edition: "2020-05", sdks: ["rtc-native", "rtc-web"], access: "cloud-proxy" },
    aws: {
      securityGroups: { existingSecurityGroupId: "sg-0123456789abcdef0" },
      networkFirewall: { homeNet: ["10.0.0.0/16"] },
      dnsFirewall: { existingRuleGroupId: "rslvr-frg-0123456789abcdef", vpcIds: ["vpc-0123456789abcdef0"] },
    },
    azure: {
      resourceGroupName: "rg-agora",
      nsg: { existingNetworkSecurityGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-media" },
      firewallPolicy: { existingFirewallPolicyId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/hub-policy" },
      dnsSecurityPolicy: { existingDnsSecurityPolicyId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/dnsResolverPolicies/dns-policy" },
    },
  }),
};

// Edition 2026-02 (the default): small scenarios, one region each, named after what they select.
SCENARIOS["2026-02-native-force-udp-europe"] = () => ({ selection: { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-udp", regions: ["europe"] } });
SCENARIOS["2026-02-native-force-tcp-india"] = () => ({ selection: { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-tcp", regions: ["india"] } });
SCENARIOS["2026-02-signaling-direct"] = () => ({ selection: { edition: "2026-02", sdks: ["rtm-native", "rtm-web"] } });

const CASES = Object.keys(SCENARIOS).flatMap((scenario) => (["aws", "azure"] as const).map((cloud) => [scenario, cloud] as const));

describe("golden plans", () => {
  it.each(CASES)("%s on %s", (scenario, cloud) => {
    const s = SCENARIOS[scenario]();
    const stackSelection = { stack: scenario, file: `${scenario}.yaml`, selection: s.selection, keys: [], secureKeys: [], ...(s.aws ? { aws: s.aws } : {}), ...(s.azure ? { azure: s.azure } : {}) };
    const plan = runPlanner(ctx, cloud, resolve(s.selection), stackSelection as never);
    const text = jsonText(planJson(plan));
    const file = path.join(__dirname, cloud, `${scenario}.json`);
    if (process.env.UPDATE_GOLDEN === "1") {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    expect(text).toBe(fs.readFileSync(file, "utf8"));
  });
});
