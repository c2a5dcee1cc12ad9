// Types only from Pulumi: the stack config and the CLI plan with these without loading Pulumi.
import type * as pulumi from "@pulumi/pulumi";

/** Resources the plan refers to but does not create: `${name.output}` → the value the caller gave. */
export type External = Record<string, Record<string, pulumi.Input<unknown>>>;
