import * as pulumi from "@pulumi/pulumi";
import { allowLines } from "../../src/cli/allowlist";
import { resolve } from "../../src/resolve";

type Program = typeof import("../../src/program");

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((res) => o.apply(res));

/** Loads the root program afresh under the given stack config (values as Pulumi keeps them: strings). */
async function loadProgram(stack: string, config: Record<string, string>): Promise<Program> {
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks({
    newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
    call: (args) => args.inputs,
  }, "agora-egress", stack, false);
  let program: Program | undefined;
  jest.isolateModules(() => { program = require("../../src/program") as Program; });
  return program!;
}

describe("the root Pulumi program (src/program.ts)", () => {
  it("reads the stack config with pulumi.Config and exports the allowlist, notes and settings", async () => {
    const program = await loadProgram("test", {
      "agora-egress:sdks": JSON.stringify(["rtc-native", "rtm-native"]),
      "agora-egress:access": "cloud-proxy",
      "agora-egress:environment": "test",
      "agora-egress:proxyType": "1",
      "aws:region": "eu-west-1",
    });
    const expected = resolve({ sdks: ["rtc-native", "rtm-native"], access: "cloud-proxy", environment: "test", proxyType: 1 });
    expect(program.edition).toBe("2020-05");
    expect(program.rules).toEqual(allowLines(expected.ruleSet));
    expect(program.notes).toEqual(expected.notes);
    expect(program.appSettings).toEqual(expected.appSettings);
    expect(program.proxyDomains).toEqual(["ap-proxy.agora.io"]);
  });

  it("keeps production outputs secret", async () => {
    const program = await loadProgram("production", {
      "agora-egress:sdks": JSON.stringify(["rtc-native"]),
      "agora-egress:access": "cloud-proxy",
      "agora-egress:environment": "production",
      "agora-egress:productionProxy": JSON.stringify({ endpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500-4650"] }] }),
    });
    expect(pulumi.Output.isInstance(program.rules)).toBe(true);
    const rules = program.rules as unknown as pulumi.Output<unknown>;
    expect(await pulumi.isSecret(rules)).toBe(true);
    expect(await value(rules)).toEqual([expect.objectContaining({ destinations: ["203.0.113.5/32"], ports: ["4500-4650"] })]);
  });

  it("refuses a bad key before doing anything, naming the stack file and key", async () => {
    await expect(loadProgram("test", { "agora-egress:sdks": "[\"rtc-native\"]", "agora-egress:acess": "direct" }))
      .rejects.toThrow("Pulumi.test.yaml: agora-egress:acess: unknown key (did you mean agora-egress:access?");
  });
});
