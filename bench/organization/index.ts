import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChild } from "../report/child";
import type { OrganizationChildResult } from "./child";

/*
 * Organisation scope against per-network components, for a landing zone of 500 VPCs / VNets in
 * 50 accounts / subscriptions (and a tenth of it, to show which count grows): resources,
 * synthesis time and memory, side by side, each in a fresh process under the same mocks as
 * the synthesis section.
 */

export interface OrganizationStep {
  readonly networks: number;
  readonly accounts: number;
}

export const ORGANIZATION_STEPS: readonly OrganizationStep[] = [{ networks: 50, accounts: 5 }, { networks: 500, accounts: 50 }];
const CHILD_FLAGS = ["--max-old-space-size=8192"];

export function measureOrganization(steps: readonly OrganizationStep[], log: (line: string) => void): OrganizationChildResult[] {
  const results: OrganizationChildResult[] = [];
  for (const cloud of ["aws", "azure"] as const) {
    for (const step of steps) {
      for (const mode of ["network", "organization"] as const) {
        const { result } = runChild<OrganizationChildResult>(join(__dirname, "child.js"), [cloud, mode, String(step.networks), String(step.accounts)], CHILD_FLAGS);
        results.push(result);
        log(`  ${cloud} ${String(step.networks).padStart(3)} networks / ${String(step.accounts).padStart(2)} accounts ${mode.padEnd(12)}: `
          + `${result.resources} resources, ${(result.synthesisMs / 1000).toFixed(2)} s (CPU ${(result.synthesisCpuMs / 1000).toFixed(2)} s), ${(result.maxRssKiB / 1024).toFixed(0)} MiB`);
      }
    }
  }
  return results;
}

const START = "<!-- organization-scope:start -->";
const END = "<!-- organization-scope:end -->";
const n = (x: number) => x.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const memory = (kib: number) => (kib >= 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(1)} GiB` : `${(kib / 1024).toFixed(0)} MiB`);

/** The section of RESULTS.md, between markers so `npm run bench:organization` can replace it alone. */
export function organizationMarkdown(results: readonly OrganizationChildResult[], when: string): string {
  const rows = results.map((r) => {
    const what = r.cloud === "aws"
      ? (r.mode === "network" ? "AwsAgoraEgress per VPC (security groups, Network Firewall, DNS Firewall)" : "AwsAgoraEgressOrganization (Firewall Manager)")
      : (r.mode === "network" ? "AzureNsgRules per VNet" : "AzureAgoraEgressNetworkManager (Virtual Network Manager, base policy)");
    return `| ${r.cloud === "aws" ? "AWS" : "Azure"} | ${n(r.networks)} in ${r.accounts} | ${what} | ${n(r.resources)} | ${seconds(r.synthesisMs)} | ${seconds(r.synthesisCpuMs)} | ${memory(r.maxRssKiB)} |`;
  });
  const org = results.filter((r) => r.mode === "organization");
  const flat = ["aws", "azure"].every((c) => new Set(org.filter((r) => r.cloud === c).map((r) => r.resources)).size === 1);
  return [
    START,
    "## 6. Organisation scope (landing zone: per-network components vs Firewall Manager / Virtual Network Manager)",
    "",
    `All six SDKs, direct access; one fresh process per row under the synthesis section's mocks; ${when}.`,
    "Per network: one component per VPC / VNet. Organisation: one component for every account or subscription in scope",
    "(AWS: `scope.includeAccounts` lists them; Azure: one network group per subscription, with the guardrail, a commit and a base policy).",
    "`npm run bench:organization` runs this section alone and replaces it here.",
    "",
    "| cloud | networks in accounts | construction | resources | synthesis (wall) | synthesis (CPU) | peak RSS |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    flat
      ? "The organisation plans have the same resource count at every size: Firewall Manager and Virtual Network Manager fan them out."
      : "**The organisation plan's resource count changed with the landing zone's size.**",
    END,
    "",
  ].join("\n");
}

/** Puts the section into RESULTS.md: in place of the previous one, or at the end. */
export function writeOrganizationSection(resultsFile: string, section: string): void {
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "";
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start
    ? `${text.slice(0, start)}${section.trimEnd()}${text.slice(end + END.length)}`
    : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(resultsFile, next.endsWith("\n") ? next : `${next}\n`);
}
