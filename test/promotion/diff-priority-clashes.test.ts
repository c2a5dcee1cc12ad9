import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { priorityClashes } from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { run } from "../cli/run";
import { cliPlan } from "./helpers";

/*
 * `agora-egress diff` reports the NSG priority clashes of the Azure update (priorityClashes):
 * rules Pulumi would create at a priority an old rule holds until it is deleted, which Azure
 * refuses. Rules to Internet never move, but a rule to addresses is named by its ports, so
 * changing a production endpoint row's port renames it: here the new name homes at the old
 * one's priority (1909).
 */

const stack = (port: number) => [
  "config:",
  "  agora-egress:edition: \"2020-05\"",
  "  agora-egress:sdks: [rtm-native, rtc-native]",
  "  agora-egress:access: cloud-proxy",
  "  agora-egress:directSdks: [rtm-native]",
  "  agora-egress:environment: production",
  `  agora-egress:productionProxy: {endpoints: [{protocol: tcp, ports: ["${port}"], addresses: [192.0.2.0/24]}]}`,
  "  agora-egress:azure:",
  "    resourceGroupName: rg",
  "    nsg: {}",
  "",
].join("\n");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-clash-"));
fs.writeFileSync(path.join(dir, "Pulumi.before.yaml"), stack(8443));
fs.writeFileSync(path.join(dir, "Pulumi.after.yaml"), stack(8236));
fs.writeFileSync(path.join(dir, "Pulumi.more.yaml"), stack(8443).replace("[rtm-native, rtc-native]", "[rtm-native, rtc-native, gaming, rtm-web]").replace("directSdks: [rtm-native]", "directSdks: [rtm-native, gaming, rtm-web]"));
const diff = (args: string[]) => run(["diff", "--edition", "2020-05", ...args], { planners, cwd: dir });
async function azurePlan(name: string): Promise<Plan> {
  const r = await run(["plan", "--cloud", "azure", "--stack", name, "--format", "json"], { planners, cwd: dir });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

const CLASH = { rule: "agora-out-tcp-addresses-8236", heldBy: "agora-out-tcp-addresses-8443", direction: "Outbound", priority: 1909 };

describe("agora-egress diff reports NSG priority clashes", () => {
  it("as a field of the Azure diff in JSON, equal to priorityClashes of the two plans", async () => {
    const r = await diff(["--from-stack", "before", "--to-stack", "after", "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.clouds.azure.priorityClashes).toEqual([CLASH]);
    expect(priorityClashes(await azurePlan("before"), await azurePlan("after"))).toEqual([CLASH]);
    expect(body.clouds.aws).toEqual({ skipped: "not configured in either stack (agora-egress:aws)" });
  });

  it("as a warning above the folded Azure resource table in Markdown", async () => {
    const r = await diff(["--from-stack", "before", "--to-stack", "after"]);
    expect(r.code).toBe(0);
    const azure = r.stdout.slice(r.stdout.indexOf("### Azure: "));
    expect(azure).toMatch(/^### Azure: 1 to create, 0 to update, 0 to replace, 1 to delete, \d+ unchanged\n\n> \*\*Warning: 1 NSG priority clash\.\*\* /);
    expect(azure).toContain("> - `agora-out-tcp-addresses-8236`: Outbound priority 1909, held by `agora-out-tcp-addresses-8443`\n");
    expect(azure).toContain("> Apply in two steps: delete the rules that hold those priorities first (`pulumi destroy --target <urn>`), then `pulumi up`.\n");
    expect(azure.indexOf("> **Warning")).toBeLessThan(azure.indexOf("<details>"));
  });

  it("reports none when SDKs are added (the Internet rules are updated in place), and prints no warning", async () => {
    const r = await diff(["--from-stack", "before", "--to-stack", "more", "--format", "json"]);
    const body = JSON.parse(r.stdout);
    expect(body.clouds.azure.priorityClashes).toEqual([]);
    expect(body.clouds.azure.changes.filter((c: { name: string }) => c.name.includes("internet"))
      .map((c: { action: string; name: string }) => [c.action, c.name])).toEqual([
      ["update", "agora-out-tcp-internet"],
      ["update", "agora-out-udp-internet"],
    ]);
    const md = await diff(["--from-stack", "before", "--to-stack", "more"]);
    expect(md.stdout).not.toContain("Warning");
  });

  it("is present (empty) for the repository's promotion, absent for AWS", async () => {
    const r = await run(["diff", "--from-stack", "test", "--to-stack", "production", "--format", "json"], { planners });
    const body = JSON.parse(r.stdout);
    expect(body.clouds.azure.priorityClashes).toEqual([]);
    expect(body.clouds.aws).not.toHaveProperty("priorityClashes");
    expect(priorityClashes(await cliPlan("azure", "test"), await cliPlan("azure", "production"))).toEqual([]);
  });
});
