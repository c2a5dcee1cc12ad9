import { performance } from "node:perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { settleGarbage } from "../report/gc";

/**
 * The same minimal mocks in both children: every resource gets a deterministic id and echoes
 * its inputs (plus `name`/`arn`), so outputs resolve and dependent registrations proceed.
 */
export async function installMocks(onResource?: (custom: boolean) => void): Promise<{ registered: () => number }> {
  let count = 0;
  await pulumi.runtime.setMocks({
    newResource: (args: pulumi.runtime.MockResourceArgs) => {
      count++;
      onResource?.(args.custom ?? false);
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

/**
 * The timed window every synthesis child measures: once the heap has settled, `construct` inside
 * the Stack plus the drain of its registrations, as wall-clock and CPU time (user + system, all threads).
 */
export async function timeSynthesis(construct: () => void): Promise<{ synthesisMs: number; synthesisCpuMs: number }> {
  await settleGarbage();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await inStack(construct);
  await drain();
  const cpu = process.cpuUsage(cpu0);
  return { synthesisMs: performance.now() - t0, synthesisCpuMs: (cpu.user + cpu.system) / 1000 };
}
