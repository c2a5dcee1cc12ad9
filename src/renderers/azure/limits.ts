/**
 * Platform limits the Azure renderers respect, with where they come from
 * (shared/reference/cloud-semantics.md sections 5–7).
 */
export const AZURE_LIMITS = {
  nsgPriority: { min: 100, max: 4096 },
  nsgRulesPerGroup: 1000,
  nsgAddressesOrPortsPerGroup: 4000,
  nsgRuleName: 80,
  /** Rule names in a rule collection, and IP Group names. */
  firewallRuleName: 80,
  ipGroupName: 80,
  firewallPriority: { min: 100, max: 65000 },
  ipGroupsPerPolicy: 200,
  addressesPerIpGroup: 5000,
  ruleCollectionGroupBytes: 2 * 1024 * 1024,
  networkRuleCombinations: 20000,
  applicationRulePortMax: 64000,
  dnsPriority: { min: 100, max: 65000 },
  dnsRulesPerPolicy: 100,
  dnsDomainsPerList: 1000,
  dnsLinksPerPolicy: 500,
  dnsName: 80,
} as const;
