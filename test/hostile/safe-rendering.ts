/**
 * What "rendered safely" means for hostile text that is allowed through (purposes, names in
 * odd case): every AWS and Azure field it can reach stays inside its character set and
 * length, no Suricata rule gains an option or a rule, and Suricata loads every line.
 */
import { Resolution } from "../../src/resolve";
import {
  EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, RULE_GROUP_TYPE, SAFE_DESCRIPTION, renderAwsPlan,
} from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { parseRules } from "../aws/suricata-evaluator";
import { loadRules } from "../engine/suricata";

export const AWS_ALL = { securityGroups: { vpcId: "vpc-0123456789abcdef0" }, networkFirewall: { homeNet: ["10.0.0.0/16"] }, dnsFirewall: { vpcIds: ["vpc-0123456789abcdef0"] } };

export function rulesOf(plan: Plan): string[] {
  const group = plan.resources.find((r) => r.type === RULE_GROUP_TYPE);
  return group ? ((group.inputs.ruleGroup as { rulesSource: { rulesString: string } }).rulesSource.rulesString).split("\n") : [];
}

/**
 * One Suricata rule per line, one sid each, only the options the renderer writes, msg text in a
 * safe set. Quoted values: a name as content, the `/` an HTTP request target starts with, and a
 * subtree's host-name pcre of exactly the renderer's shape (see subtreeHostPattern).
 */
const HOST_PCRE = String.raw`pcre:"/\^\(\?=\.\{2,254\}\$\)\(\?:\[\.\]\[a-z0-9\]\(\?:\[a-z0-9-\]\{0,61\}\[a-z0-9\]\)\?\)\*(?:\[\.\][a-z0-9-]+)+\$/i?E";`;
const QUOTED = String.raw`(?:content:"(?:[a-z0-9.-]+|/)";|${HOST_PCRE})`;
const RULE_LINE = new RegExp(String.raw`^(pass|drop) (tcp|udp|tls|http) \S+ \S+ (->|<>) \S+ \S+ \(msg:"[A-Za-z0-9 .,:/()@+=_-]*"; (?:[^"]*${QUOTED})*[^"]*sid:\d+; rev:1;\)$`);

/** Checks every text field of both clouds' plans, and loads the Suricata rules in the engine. Returns the plans. */
export function expectSafeRendering(resolution: Resolution): { aws: Plan; azure: Plan } {
  const aws = renderAwsPlan(resolution, AWS_ALL);
  const azure = renderAzurePlan(resolution, {});
  const lines = rulesOf(aws);
  for (const line of lines) {
    expect(line).toMatch(RULE_LINE);
    expect(line.match(/sid:/g)).toHaveLength(1);
  }
  expect(parseRules(lines.join("\n"))).toHaveLength(lines.length);
  const loaded = loadRules(lines.join("\n"), { ipSets: { HOME_NET: ["10.0.0.0/16"] } });
  expect({ ok: loaded.ok, output: loaded.ok ? "" : loaded.output }).toEqual({ ok: true, output: "" });
  for (const r of aws.resources.filter((x) => x.type === EGRESS_RULE_TYPE || x.type === INGRESS_RULE_TYPE)) {
    expect(String(r.inputs.description)).toMatch(SAFE_DESCRIPTION);
    expect(String(r.inputs.description).length).toBeLessThanOrEqual(255);
  }
  // Azure descriptions and names: no quotes, control characters or line breaks.
  const texts = JSON.stringify(azure.resources).match(/"(?:description|name|securityRuleName)":"((?:[^"\\]|\\.)*)"/g) ?? [];
  for (const t of texts) expect(t).not.toMatch(/\\[nrt"\\]|[\u0000-\u001f]/);
  // Names never carry user text verbatim: they come from content hashes and fixed words.
  for (const r of [...aws.resources, ...azure.resources]) expect(r.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  return { aws, azure };
}

/** Logical names must be unique in a plan (duplicates would collide as Pulumi resources). */
export function expectUniqueNames(plan: Plan): void {
  const names = plan.resources.map((r) => r.name);
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
}
