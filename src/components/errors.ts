import * as pulumi from "@pulumi/pulumi";
import { InputError, relabel } from "../model";
import { ArgsLayout, argsNames } from "../args/arg-names";

/*
 * Bad args stop a Pulumi program with one line naming the arg, not an unhandled exception
 * with a stack trace. Pulumi's runner prints a RunError's message alone, and a ResourceError
 * (with hideStack) as a diagnostic on its resource.
 */

/** What a component error carries besides its one-line message: the arg path and the problem. */
export interface ComponentArgsError extends Error {
  readonly field: string;
  readonly problem: string;
}

/** Bad args found before the component is registered: `AwsAgoraEgress "egress": args.vpcId: …`, no stack. */
export class ArgsRunError extends pulumi.RunError implements ComponentArgsError {
  constructor(readonly component: string, readonly field: string, readonly problem: string) {
    super(`${component}: ${field}: ${problem}`);
    this.name = "RunError";
  }
}

/**
 * Bad args found once the component exists (its selection arrived as an Output): a diagnostic
 * on the component, no stack. It reaches the runner through the component's outputs, and
 * Pulumi prefixes the message of such an error each time it serializes an output that carries
 * it (`error serializing property "outputs": …`); the message ignores those writes, so the
 * user reads the arg path first, once.
 */
export class ArgsResourceError extends pulumi.ResourceError implements ComponentArgsError {
  constructor(resource: pulumi.Resource, readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`, resource, true);
    this.name = "ResourceError";
    const message = this.message;
    Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: true });
  }
}

/** `AwsAgoraEgress "egress"`: the component type's last part and the name the user gave it. */
export function componentLabel(type: string, name: string): string {
  return `${type.split(":").pop()} ${JSON.stringify(name)}`;
}

/** InputErrors of `fn` as a RunError naming the component and the arg; other errors pass through. */
export function beforeRegistration<T>(type: string, name: string, layout: ArgsLayout, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const e = relabel(err, argsNames(layout));
    if (e instanceof InputError) throw new ArgsRunError(componentLabel(type, name), e.field, e.problem);
    throw e;
  }
}

/** InputErrors of `fn` as a ResourceError on the component, naming the arg; other errors pass through. */
export function onResource<T>(resource: pulumi.Resource, layout: ArgsLayout, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const e = relabel(err, argsNames(layout));
    if (e instanceof InputError) throw new ArgsResourceError(resource, e.field, e.problem);
    throw e;
  }
}
