import { Selection } from "../../src/resolve";
import { SELECTION_KEYS } from "../../src/stack/keys";
import { SELECTION_FLAGS } from "../../src/cli/selection";
import { SELECTION_ARG_KEYS } from "../../src/args/selection-args";
import { selectionArgPath } from "../../src/args/arg-names";
import * as path from "path";
import { resolveArgs } from "../../src/args/selection-args";
import { readStackSelection, resolveStack, selectionArgs, stackConfigFromValues } from "../../src/stack";

const REPO = path.join(__dirname, "..", "..");

/** What a resolution decides (its `selection` echoes the input as written, so it is left out). */
const decided = ({ selection, ...rest }: ReturnType<typeof resolveStack>) => rest;

describe("selectionArgs: a stack's selection as the components' args", () => {
  it.each(["test", "production"])("resolves stack %s exactly as the stack itself does", (name) => {
    const stack = readStackSelection(REPO, name);
    expect(resolveArgs(selectionArgs(stack))).toEqual(resolveStack(stack));
  });

  it("carries versions, proxy type 2, proxy servers and recording ports", () => {
    const stack = stackConfigFromValues("s", "Pulumi.s.yaml", {
      sdks: ["rtc-web@2.8.0", { id: "recording", version: "3.0.0" }],
      access: "cloud-proxy",
      environment: "production",
      proxyType: 2,
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: [4500, "4600-4650"], sdks: ["recording"] }, { protocol: "tcp", addresses: ["203.0.113.6"], ports: ["443"] }], proxyServers: ["203.0.113.5"] },
      recordingPorts: { low: 50000, high: 50400, expectedChannels: 10 },
      edition: "2020-05",
    });
    expect(selectionArgs(stack)).toEqual({
      sdks: ["rtc-web@2.8.0", "recording@3.0.0"],
      access: "cloud-proxy",
      environment: "production",
      proxyType: "ip-list",
      productionEndpoints: [
        { protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500", "4600-4650"], sdks: ["recording"] },
        { protocol: "tcp", addresses: ["203.0.113.6"], ports: ["443"] },
      ],
      productionProxyServers: ["203.0.113.5"],
      recordingLowUdpPort: 50000,
      recordingHighUdpPort: 50400,
      recordingExpectedChannels: 10,
      edition: "2020-05",
    });
    const proxied = { ...stack, selection: { ...stack.selection, recordingPorts: undefined } };
    expect(decided(resolveArgs(selectionArgs(proxied)))).toEqual(decided(resolveStack(proxied)));
  });
});

describe("edition 2026-02's selection keys reach the components' args", () => {
  it("proxyMode, regions and domainLimit map to the args of the same names, and resolve the same", () => {
    const stack = stackConfigFromValues("s", "Pulumi.s.yaml", {
      sdks: ["rtc-native", "rtc-web"], access: "cloud-proxy", proxyMode: "force-tcp", regions: ["japan", "asia"],
    });
    expect(selectionArgs(stack)).toEqual({ sdks: ["rtc-native", "rtc-web"], access: "cloud-proxy", proxyMode: "force-tcp", regions: ["japan", "asia"] });
    expect(resolveArgs(selectionArgs(stack))).toEqual(resolveStack(stack));
    expect(resolveArgs(selectionArgs(stack)).regions).toEqual(["asia", "japan"]);
    const limited = stackConfigFromValues("d", "Pulumi.d.yaml", { sdks: ["rtc-native"], domainLimit: "true" });
    expect(selectionArgs(limited)).toEqual({ sdks: ["rtc-native"], domainLimit: true });
    expect(resolveArgs(selectionArgs(limited)).ruleSet.rules.every((r) => r.destination.kind === "domain")).toBe(true);
  });
});

describe("one set of selection names on every surface", () => {
  it("every field of the resolver's selection is a stack key, a CLI flag and (but customRules) a component arg", () => {
    const fields = Object.keys(Selection.shape).sort();
    expect(fields).toEqual(expect.arrayContaining(["proxyMode", "regions", "domainLimit", "edition"]));
    expect([...SELECTION_KEYS].sort()).toEqual(fields);
    for (const f of fields) {
      if (f !== "customRules") expect(Object.keys(SELECTION_FLAGS)).toContain(f);
      if (f === "customRules") continue;
      expect(SELECTION_ARG_KEYS).toContain(selectionArgPath(f, "")!.split(".")[0]);
    }
  });
});
