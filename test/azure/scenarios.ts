import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SDK_IDS } from "../../src/catalog";
import { Resolution, SelectionInput, resolve } from "../../src/resolve";

const productionProxy = JSON.parse(readFileSync(join(__dirname, "../fixtures/azure/production-proxy.json"), "utf8"));

/** The acceptance scenarios of issue 4. */
export const SCENARIOS: Record<string, SelectionInput> = {
  "all six SDKs direct": { edition: "2020-05", sdks: [...SDK_IDS] },
  "rtc-native + recording via cloud proxy (test)": { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" },
  "production endpoints": { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "recording"], access: "cloud-proxy", environment: "production", productionProxy },
};

export const resolved = (name: string): Resolution => resolve(SCENARIOS[name]);
export const EXISTING_NSG_ID = "/subscriptions/0000/resourceGroups/hub-rg/providers/Microsoft.Network/networkSecurityGroups/shared-nsg";
export const EXISTING_POLICY_ID = "/subscriptions/0000/resourceGroups/hub-rg/providers/Microsoft.Network/firewallPolicies/central";
export const VNET_ID = "/subscriptions/0000/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/spoke_A";
