/**
 * An error in what the caller gave us (a flag, a stack config key, a component arg).
 * `field` names the offending input so the message can point at it; the CLI exits 2 on these.
 *
 * `problem` may ask for another input, written with the resolver's field names:
 * `{{access=cloud-proxy}}` asks for a value, `{{productionProxy}}` for an input. Whoever shows
 * the error to a user renders them in that user's terms (`relabel`): `--access cloud-proxy` on
 * the command line, `agora-egress:access: cloud-proxy` in a stack file, `args.access:
 * "cloud-proxy"` in a component. `problem` and `message` have them in the plain field names
 * (`access: cloud-proxy`); `template` keeps them for `relabel`.
 */
export class InputError extends Error {
  public readonly problem: string;
  public readonly template: string;

  constructor(
    public readonly field: string,
    problem: string,
  ) {
    const plain = renderAsks(problem);
    super(`${field}: ${plain}`);
    this.name = "InputError";
    this.problem = plain;
    this.template = problem;
  }
}

/** Quote a user value for an error message, showing control characters instead of printing them. */
export function quote(value: unknown): string {
  return JSON.stringify(String(value));
}

/** `{{root.path}}` or `{{root.path=value}}` in a problem (see InputError). */
const ASK = /\{\{([A-Za-z]+)((?:\.[A-Za-z]+)*)(?:=([^{}]*))?\}\}/g;

/**
 * How one audience names inputs. `field` labels the field an error is about, given the root of
 * the resolver's field and the rest of its path (`productionProxy`, `.endpoints[0].ports[1]`),
 * e.g. `Pulumi.production.yaml: agora-egress:productionProxy.endpoints[0].ports[1]`, `--sdk` or
 * `args.productionEndpoints[0].ports[1]`. `ask` says how to set an input (to a value, when
 * given), e.g. `--access cloud-proxy`. Undefined keeps the resolver's own words.
 */
export interface FieldNames {
  field(root: string, path: string): string | undefined;
  ask?(root: string, path: string, value: string | undefined): string | undefined;
}

/** A field labeller on its own (asks keep the resolver's words). */
export type FieldOrigin = (root: string, path: string) => string | undefined;

const plainAsk = (root: string, path: string, value: string | undefined) => (value === undefined ? `${root}${path}` : `${root}${path}: ${value}`);

/** A problem's asks in the audience's terms (`names.ask`), or with the plain field names. */
export function renderAsks(problem: string, ask?: FieldNames["ask"]): string {
  return problem.replace(ASK, (_, root: string, path: string, value: string | undefined) => ask?.(root, path, value) ?? plainAsk(root, path, value));
}

function asNames(names: FieldNames | FieldOrigin): FieldNames {
  return typeof names === "function" ? { field: names } : names;
}

/**
 * The one relabeller: an InputError with its field and asks in the audience's terms; other
 * errors pass through unchanged. Labels that are already the audience's (`--sdk`, `args.sdks`,
 * `Pulumi.test.yaml: …`) pass through `names` unchanged when it does not know their root.
 */
export function relabel(err: unknown, names: FieldNames | FieldOrigin): unknown {
  if (!(err instanceof InputError)) return err;
  const n = asNames(names);
  const field = err.field.replace(/^selection(\.|$)/, "");
  const m = /^([A-Za-z]+)(.*)$/.exec(field);
  const label = (m && n.field(m[1], m[2])) ?? err.field;
  const problem = renderAsks(err.template, n.ask);
  return label === err.field && problem === err.problem ? err : new InputError(label, problem);
}

/** Runs `fn`, re-labelling any InputError it throws. */
export function withOrigins<T>(names: FieldNames | FieldOrigin, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw relabel(err, names);
  }
}

/** Levenshtein distance, ignoring case (`vpcID` is `vpcId`). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The known word nearest to a typo, if it is near enough to be what was meant. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(word, k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.min(3, Math.ceil(word.length / 2)) ? best.k : undefined;
}

/** `unknown key (did you mean vpcId? known: vpcId, existingSecurityGroupId, …)`; `prefix` qualifies the suggestion. */
export function unknownKeyProblem(key: string, known: readonly string[], prefix = ""): string {
  const near = closest(key, known);
  return `unknown key (${near !== undefined ? `did you mean ${prefix}${near}? ` : ""}known: ${known.join(", ")})`;
}

/** Refuses keys of `value` outside `known` (keys whose value is undefined are absent); the error names `field.key`. */
export function checkKeys(value: object, known: readonly string[], field: string): void {
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && !known.includes(key)) throw new InputError(field ? `${field}.${key}` : key, unknownKeyProblem(key, known));
  }
}
