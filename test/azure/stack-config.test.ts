import { resolve } from "../../src/resolve";
import { NSG_TYPE, SECURITY_RULE_TYPE } from "../../src/renderers/azure";
import { AzureTargetConfig, planAzure } from "../../src/stack/targets";

/** The NSG settings of `agora-egress:azure`, as a stack gives them, reach the plan. */
describe("agora-egress:azure nsg settings", () => {
  const plan = (nsg: object) => planAzure(resolve({ edition: "2020-05", sdks: ["rtc-web"] }), AzureTargetConfig.parse({ resourceGroupName: "rg", nsg }));

  it("names the NSG created here with networkSecurityGroupName", () => {
    expect(plan({ networkSecurityGroupName: "nsg-agora" }).resources.find((r) => r.type === NSG_TYPE)!.inputs)
      .toEqual({ resourceGroupName: "rg", networkSecurityGroupName: "nsg-agora" });
  });

  it("turns on the DNS guard with its resolvers", () => {
    const names = plan({ dnsGuard: true, dnsResolvers: ["203.0.113.53"] }).resources
      .filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => [r.inputs.securityRuleName, r.inputs.priority]);
    expect(names.filter(([n]) => String(n).includes("dns"))).toEqual([
      ["agora-out-deny-tcp-dns", 1002], ["agora-out-deny-udp-dns", 1003], ["agora-out-tcp-dns-resolvers", 1000], ["agora-out-udp-dns-resolvers", 1001],
    ]);
  });

  it("names the stack key when the guard's options are wrong", () => {
    expect(() => plan({ dnsResolvers: ["203.0.113.53"] })).toThrow("azure.nsg.dnsResolvers: is only used with dnsGuard: true");
    expect(() => AzureTargetConfig.parse({ resourceGroupName: "rg", nsg: { dnsGuard: true, dnsResolvers: [] } })).toThrow();
  });
});
