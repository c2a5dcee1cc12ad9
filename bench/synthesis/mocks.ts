import * as pulumi from "@pulumi/pulumi";

/**
 * The same minimal mocks in both children: every resource gets a deterministic id and echoes
 * its inputs (plus `name`/`arn`), so outputs resolve and dependent registrations proceed.
 */
export async function installMocks(): Promise<{ registered: () => number }> {
  let count = 0;
  await pulumi.runtime.setMocks({
    newResource: (args: pulumi.runtime.MockResourceArgs) => {
      count++;
      return { id: `${args.name}-id`, state: { ...args.inputs, name: args.inputs.name ?? args.name, arn: `arn:mock:::${args.name}` } };
    },
    call: (args: pulumi.runtime.MockCallArgs) => args.inputs,
  }, "bench", "bench", false);
  return { registered: () => count };
}

/** Drains every queued registration (exported at runtime, @internal in the d.ts). */
export async function drain(): Promise<void> {
  await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/**
 * Runs `construct` inside a root Stack resource, as `pulumi up` runs a program: every resource
 * without an explicit parent gets the Stack as parent (under plain mocks there is none).
 */
export async function inStack(construct: () => void): Promise<void> {
  const runtime = pulumi.runtime as unknown as { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> };
  await runtime.runInPulumiStack(async () => {
    construct();
    return undefined;
  });
}
