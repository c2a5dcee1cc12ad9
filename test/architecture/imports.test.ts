import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/*
 * The import rules of src/, read from the source with the TypeScript compiler API: every
 * `import … from`, `import type`, `export … from`, `import x = require(…)`, `require(…)`,
 * `import(…)` and `typeof import(…)` of every file. A violation is printed as `file → import`.
 *
 * The layers, bottom up: model < catalog < resolve < renderers < args (the components' pure
 * arg and settings declarations) < components, stack < cli, program; planning (the one planning
 * path: resolutions and plans, each computed once) sits on the renderers and serves components,
 * stack and program.
 */

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

/** One import as written in a file. */
interface Import {
  /** The importing file, `src/stack/targets.ts`. */
  readonly file: string;
  /** The module as written, `../components/aws`; `<non-literal>` for `require(expr)`. */
  readonly specifier: string;
  /** `import type`, `export type`, `import { type X }` only, or `typeof import(…)`: erased at runtime. */
  readonly typeOnly: boolean;
  /** The file a relative import resolves to (`src/components/aws/index.ts`); undefined for a package. */
  readonly target?: string;
}

/** The imports of one source text, in order. */
function importsOf(text: string, fileName = "file.ts"): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const literal = (node: ts.Node | undefined): string => (node && ts.isStringLiteralLike(node) ? node.text : "<non-literal>");
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const allTypes = !!clause && !clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      found.push({ specifier: literal(node.moduleSpecifier), typeOnly: !!clause?.isTypeOnly || allTypes });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const allTypes = !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      found.push({ specifier: literal(node.moduleSpecifier), typeOnly: node.isTypeOnly || allTypes });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push({ specifier: literal(node.moduleReference.expression), typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      found.push({ specifier: literal(node.arguments[0]), typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      found.push({ specifier: ts.isLiteralTypeNode(arg) ? literal(arg.literal) : "<non-literal>", typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every .ts file under src/, as `src/…` paths. */
function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path.relative(ROOT, full).split(path.sep).join("/")] : [];
  }).sort();
}

/** The file a relative specifier names, as module resolution finds it (`x.ts`, `x/index.ts`, `x.json`). */
function resolveRelative(file: string, specifier: string): string {
  const base = path.resolve(ROOT, path.dirname(file), specifier);
  const candidates = [base, `${base}.ts`, path.join(base, "index.ts"), base.replace(/\.js$/, ".ts")];
  const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!hit) throw new Error(`${file} → ${specifier}: no such module`);
  return path.relative(ROOT, hit).split(path.sep).join("/");
}

const FILES = sourceFiles();
const IMPORTS: Import[] = FILES.flatMap((file) => importsOf(fs.readFileSync(path.join(ROOT, file), "utf8"), file).map((i) => ({
  file, ...i,
  ...(i.specifier.startsWith(".") ? { target: resolveRelative(file, i.specifier) } : {}),
})));

/** A file's layer: the folder under src/ (`model`, `renderers`, …), or the top-level file's name (`program`, `index`). */
function layer(file: string): string {
  const [, first] = file.split("/");
  return first.replace(/\.ts$/, "");
}

/** The cloud a file belongs to: a path segment `aws` or `azure`, or a file named `aws-…`/`azure-…`. */
function cloud(file: string): "aws" | "azure" | undefined {
  for (const segment of file.replace(/\.ts$/, "").split("/").slice(1)) {
    for (const c of ["aws", "azure"] as const) if (segment === c || segment.startsWith(`${c}-`)) return c;
  }
  return undefined;
}

const isPulumi = (i: Import) => /^@pulumi\//.test(i.specifier);
const into = (i: Import, ...layers: string[]) => i.target !== undefined && layers.includes(layer(i.target));
const show = (i: Import) => `${i.file} → ${i.specifier}${i.typeOnly ? " (type-only)" : ""}`;

/** The imports of the files in `layers` that `forbidden` flags, as `file → import`. */
function violations(layers: readonly string[], forbidden: (i: Import) => boolean): string[] {
  return IMPORTS.filter((i) => layers.includes(layer(i.file)) && forbidden(i)).map(show);
}

/** Which layers each inner layer may import from src/ (packages are the next rule's business). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: ["model"],
  catalog: ["model", "catalog"],
  resolve: ["model", "catalog", "resolve"],
  renderers: ["model", "catalog", "resolve", "renderers"],
  planning: ["model", "catalog", "resolve", "renderers", "planning"],
  args: ["model", "catalog", "resolve", "renderers", "args"],
};

describe("import rules of src/", () => {
  it("reads every file, and every kind of import statement", () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES).toEqual(expect.arrayContaining(["src/program.ts", "src/model/index.ts", "src/components/build.ts"]));
    // A few edges that exist, so a reader that finds nothing cannot pass.
    expect(IMPORTS.map(show)).toEqual(expect.arrayContaining([
      "src/components/build.ts → @pulumi/pulumi",
      "src/program.ts → @pulumi/pulumi",
    ]));
    expect(importsOf([
      `import * as a from "a";`,
      `import type { B } from "b";`,
      `import { type C, type D } from "c";`,
      `import { type E, F } from "e";`,
      `import G, { type H } from "g";`,
      `import "side-effect";`,
      `export * from "x";`,
      `export type { Y } from "y";`,
      `export { Z } from "z";`,
      `import I = require("i");`,
      `const j = require("j");`,
      `const k = import("k");`,
      `type L = typeof import("l");`,
      `const m = require(name);`,
      `import {`,
      `  N,`,
      `  O,`,
      `} from "multi-line";`,
    ].join("\n"))).toEqual([
      { specifier: "a", typeOnly: false },
      { specifier: "b", typeOnly: true },
      { specifier: "c", typeOnly: true },
      { specifier: "e", typeOnly: false },
      { specifier: "g", typeOnly: false },
      { specifier: "side-effect", typeOnly: false },
      { specifier: "x", typeOnly: false },
      { specifier: "y", typeOnly: true },
      { specifier: "z", typeOnly: false },
      { specifier: "i", typeOnly: false },
      { specifier: "j", typeOnly: false },
      { specifier: "k", typeOnly: false },
      { specifier: "l", typeOnly: true },
      { specifier: "<non-literal>", typeOnly: false },
      { specifier: "multi-line", typeOnly: false },
    ]);
  });

  it("imports only what it can check: no require(expr) or import(expr)", () => {
    expect(IMPORTS.filter((i) => i.specifier === "<non-literal>").map(show)).toEqual([]);
  });

  it("the pure core (model, catalog, resolve, renderers, planning, diff) imports nothing from @pulumi/*, components, stack, cli or program", () => {
    expect(violations(["model", "catalog", "resolve", "renderers", "planning", "diff"], (i) => isPulumi(i) || into(i, "components", "stack", "cli", "program"))).toEqual([]);
  });

  it.each(Object.entries(MAY_IMPORT))("%s imports from src/ only %j", (from, allowed) => {
    expect(violations([from], (i) => i.target !== undefined && !allowed.includes(layer(i.target)))).toEqual([]);
  });

  it("args (the components' pure declarations, read by the stack and the CLI) loads no Pulumi: @pulumi/* only as `import type`", () => {
    expect(violations(["args"], (i) => isPulumi(i) && !i.typeOnly)).toEqual([]);
  });

  it("the clouds do not import each other (renderers/aws ↔ renderers/azure, components/aws ↔ components/azure, …)", () => {
    const crossing = IMPORTS.filter((i) => {
      const from = cloud(i.file);
      const to = i.target && cloud(i.target);
      return from !== undefined && to !== undefined && from !== to;
    });
    expect(crossing.map(show)).toEqual([]);
  });

  it("src/stack does not import src/components, not even types", () => {
    expect(violations(["stack"], (i) => into(i, "components"))).toEqual([]);
  });

  it("src/program.ts does not import src/cli", () => {
    expect(violations(["program"], (i) => into(i, "cli"))).toEqual([]);
  });
});
