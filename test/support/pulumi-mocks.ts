import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

/*
 * Pulumi's mock engine for the tests that construct components (or run a program that does):
 * installed once per test file, it records every registration (type, name, inputs as the
 * engine received them, whether it is a custom resource, and the parent's name) and answers
 * like a provider would: an id, the inputs as state, plus what the test adds.
 *
 *   const mocks = usePulumiMocks({ state: (r) => ({ arn: mockArn(r.name) }) });
 *   new AwsAgoraEgress("egress", …);
 *   await settle();
 *   mocks.childrenOf("egress") // the custom resources named egress-…, in registration order
 */

/** One resource the mock engine saw registered. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  /** As the engine received them: a secret in its wire form (see `isSecretInput`). */
  readonly inputs: Record<string, any>;
  /** False for component resources (and the stack). */
  readonly custom: boolean;
  /** The parent resource's name; undefined at the top. */
  readonly parent?: string;
}

export interface MockOptions {
  /** Default `agora-egress`. */
  readonly project?: string;
  /** Default `test`. */
  readonly stack?: string;
  /** The id the provider answers. Default `<name>-id`. */
  readonly id?: (resource: pulumi.runtime.MockResourceArgs) => string;
  /** Outputs the provider adds to the inputs (which are the state). Default none. */
  readonly state?: (resource: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;
  /** Answers to invokes, by token. Default: the invoke's inputs. */
  readonly calls?: Readonly<Record<string, (inputs: Record<string, any>) => Record<string, unknown>>>;
}

/** The ARN the mocks give an AWS resource that has one (`state: (r) => ({ arn: mockArn(r.name) })`). */
export const mockArn = (name: string) => `arn:aws:mock:::${name}`;

/** The part of Pulumi's mock monitor that sees the parent of a registration (the monitor protocol's request). */
interface MonitorWithParents {
  registerResource(request: { getParent(): string }, callback: unknown): unknown;
}

export class PulumiMocks {
  /** Every registration since the last `clear()`, in order. */
  readonly registered: Registration[] = [];
  private parentUrn: string | undefined;

  constructor(private readonly options: MockOptions = {}) {}

  /** Installs the mocks, or installs them again under another stack name (what was registered stays). */
  async install(overrides: { stack?: string } = {}): Promise<void> {
    const { project = "agora-egress", stack = "test", id, state, calls } = { ...this.options, ...overrides };
    await pulumi.runtime.setMocks({
      newResource: (r: pulumi.runtime.MockResourceArgs) => {
        const parent = this.parentUrn?.slice(this.parentUrn.lastIndexOf("::") + 2);
        this.registered.push({ type: r.type, name: r.name, inputs: r.inputs, custom: r.custom ?? false, ...(parent ? { parent } : {}) });
        return { id: id ? id(r) : `${r.name}-id`, state: { ...r.inputs, ...state?.(r) } };
      },
      call: (c: pulumi.runtime.MockCallArgs) => calls?.[c.token]?.(c.inputs) ?? c.inputs,
    }, project, stack, false);
    // newResource does not get the parent: read it off the request, which the monitor hands to newResource synchronously.
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorWithParents;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) => {
      this.parentUrn = request.getParent() || undefined;
      try {
        return register(request, callback);
      } finally {
        this.parentUrn = undefined;
      }
    };
  }

  /** Where the registrations stand now, for `since`. */
  mark(): number {
    return this.registered.length;
  }

  /** The registrations after `mark`, in order. */
  since(mark: number): Registration[] {
    return this.registered.slice(mark);
  }

  /** The custom resources named `<prefix>-…` (a component's children), in registration order. */
  childrenOf(prefix: string): Registration[] {
    return this.registered.filter((r) => r.custom && r.name.startsWith(`${prefix}-`));
  }

  /** Forgets what was registered. */
  clear(): void {
    this.registered.length = 0;
  }
}

/** The mocks of a jest test file, installed once before its tests. */
export function usePulumiMocks(options: MockOptions = {}): PulumiMocks {
  const mocks = new PulumiMocks(options);
  beforeAll(() => mocks.install());
  return mocks;
}

/** Outside jest (a child process): the mocks, installed now. */
export async function installPulumiMocks(options: MockOptions = {}): Promise<PulumiMocks> {
  const mocks = new PulumiMocks(options);
  await mocks.install();
  return mocks;
}

/** Waits until every registration, including those that waited on other resources' outputs, reached the mocks. */
export const settle = () => (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();

/** An Output's value. */
export const value = <T>(o: pulumi.Output<T>) => new Promise<T>((res) => o.apply(res));

/** An input the engine received as a secret. */
export const isSecretInput = (v: unknown) => !!v && typeof v === "object" && (v as Record<string, unknown>)[specialSigKey] === specialSecretSig;
