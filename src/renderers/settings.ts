import { z } from "zod";

/*
 * How a target's settings are declared: one zod schema per target, each field carrying its
 * documentation and, for an id that another resource outputs, the name the plan refers to it
 * by. The renderer validates with the schema; the component args (src/args/settings.generated.ts),
 * the stack config and docs/settings.md are derived from it, so a setting is written once.
 */

/** What a field's schema carries besides its type. */
export interface SettingMeta {
  /** The documentation of the setting, as users read it (component TSDoc, stack docs). */
  readonly description: string;
  /**
   * The setting is an id another resource outputs: components take a `pulumi.Input<string>`
   * (in a record, one per key; in a list, one per item) and the plan refers to it as
   * `${<input>.id}` (`${<input>-<key>.id}`, `${<input>-<n>.id}` for a list's outputs).
   */
  readonly input?: string;
  /** The component arg's type when it is not the schema's own (an enum's name, a port list of strings). */
  readonly tsType?: string;
}

/** Declares one setting: its schema (with its default and limits) and its meta. */
export function setting<T extends z.ZodType>(schema: T, meta: SettingMeta): T {
  return schema.meta({ ...meta });
}

/** One declared setting, read back from a target's schema. */
export interface DeclaredSetting {
  readonly key: string;
  readonly meta: SettingMeta;
  /** The field's schema without optional/default wrappers. */
  readonly type: z.ZodType;
  /** The schema's default, when it has one. */
  readonly defaultValue?: unknown;
  /** The setting may be left out (it is optional or has a default). */
  readonly optional: boolean;
}

type Def = { type: string; innerType?: z.ZodType; defaultValue?: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The settings of a target, in declaration order, with their meta. */
export function declaredSettings(schema: z.ZodObject): DeclaredSetting[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = (field as z.ZodType).meta() as SettingMeta | undefined;
    if (!meta?.description) throw new Error(`setting ${key} has no description`);
    let type = field as z.ZodType;
    let defaultValue: unknown;
    let optional = false;
    for (let def = defOf(type); def.type === "optional" || def.type === "default"; def = defOf(type)) {
      if (def.type === "default") defaultValue = def.defaultValue;
      optional = true;
      type = def.innerType!;
    }
    return { key, meta, type, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
  });
}

/** A non-empty text: an id as a stack file gives it. Components also take Pulumi outputs. */
export const isIdText = (value: unknown): boolean => typeof value === "string" && value.trim().length > 0;

/** The plan's reference to an external id: `${name.id}`. Written out here; src/renderers/plan.ts parses it. */
const idRef = (name: string) => `\${${name}.id}`;

/**
 * A target's settings as the renderer takes them: every id another resource outputs becomes
 * the plan's reference to it (`${existing-security-group.id}`, `${vpc-app.id}`), and its
 * value goes to `external` under that name, to be filled in when the resources are created.
 * Other fields, and values `isId` refuses, pass through as given (the schema refuses them).
 */
export function withIdRefs<T extends Record<string, unknown>>(
  schema: z.ZodObject, settings: T, isId: (value: unknown) => boolean = isIdText,
): { options: T; external: Record<string, { id: unknown }> } {
  const options: Record<string, unknown> = { ...settings };
  const external: Record<string, { id: unknown }> = {};
  for (const s of declaredSettings(schema)) {
    const value = settings[s.key];
    if (value === undefined || !s.meta.input) continue;
    if (defOf(s.type).type === "record") {
      if (!value || typeof value !== "object" || Array.isArray(value)) continue;
      // Values `isId` refuses stay as given, for the schema to refuse: nothing is dropped.
      options[s.key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        if (!isId(v)) return [k, v];
        external[`${s.meta.input}-${k}`] = { id: v };
        return [k, idRef(`${s.meta.input}-${k}`)];
      }));
    } else if (defOf(s.type).type === "array") {
      // A list's literal ids stay as they are (they only fill rules, never name a resource);
      // an output becomes `${<input>-<n>.id}`, n its place in the list.
      if (!Array.isArray(value)) continue;
      options[s.key] = value.map((v, n) => {
        if (typeof v === "string" || !isId(v)) return v;
        external[`${s.meta.input}-${n}`] = { id: v };
        return idRef(`${s.meta.input}-${n}`);
      });
    } else if (isId(value)) {
      options[s.key] = idRef(s.meta.input);
      external[s.meta.input] = { id: value };
    }
  }
  return { options: options as T, external };
}

/**
 * The first id given as the plan's own reference text (`"${vpc.id}"`), as a path below the
 * settings (`.vpcId`, `.vpcs.app`, `.sourceIpGroups[0]`): such text would pass as an id and reach
 * the cloud as it is. References are what the package writes, never input.
 */
export function planReferenceGiven(schema: z.ZodObject, settings: Record<string, unknown>): { at: string; value: string } | undefined {
  for (const s of declaredSettings(schema)) {
    const value = settings[s.key];
    if (!s.meta.input || value === undefined || value === null) continue;
    const items: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v])
      : Object.getPrototypeOf(value) === Object.prototype ? Object.entries(value as object).map(([k, v]) => [`.${k}`, v]) : [["", value]];
    for (const [at, v] of items) if (typeof v === "string" && /\$\{[^}]*\}/.test(v)) return { at: `.${s.key}${at}`, value: v };
  }
  return undefined;
}

/** What is wrong with an id given as a plan reference. */
export const PLAN_REFERENCE_GIVEN = "is written as a plan reference; give the id itself (or, in a program, the resource's output)";

/**
 * A target's schema that checks what a stack file gives without filling in defaults: the
 * renderer applies them when it plans, so the stack's settings read back as written.
 */
export function asGiven<T extends z.ZodObject>(schema: T): z.ZodType<Partial<z.output<T>>, Partial<z.input<T>>> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, f]) => {
    const def = defOf(f as z.ZodType);
    return [k, def.type === "default" ? def.innerType!.optional().meta((f as z.ZodType).meta() ?? {}) : f];
  }));
  return schema.safeExtend(shape).superRefine((given, ctx) => {
    const found = planReferenceGiven(schema, given as Record<string, unknown>);
    if (found) ctx.addIssue({ code: "custom", path: found.at.slice(1).split(/\.|\[(\d+)\]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: `${JSON.stringify(found.value)} ${PLAN_REFERENCE_GIVEN}` });
  }) as unknown as z.ZodType<Partial<z.output<T>>, Partial<z.input<T>>>;
}
