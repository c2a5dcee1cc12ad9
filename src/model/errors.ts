/**
 * An error in what the caller gave us (a flag, a stack config key, a component arg).
 * `field` names the offending input so the message can point at it; the CLI exits 2 on these.
 */
export class InputError extends Error {
  constructor(
    public readonly field: string,
    public readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "InputError";
  }
}

/** Quote a user value for an error message, showing control characters instead of printing them. */
export function quote(value: unknown): string {
  return JSON.stringify(String(value));
}
