import * as path from "path";
import * as ts from "typescript";

/*
 * Checks resource inputs against the provider SDK's own declarations: the `<Resource>Args`
 * interface in the installed `@pulumi/aws` / `@pulumi/azure-native` `.d.ts` files, read with
 * the TypeScript type checker. Every key must be a property of the Args type (at every depth),
 * every required property must be there, and each value must have the declared shape (string,
 * number, boolean, string literal, array, object, map). `pulumi.Input<T>` is T. References the
 * plan leaves for the component (`${name.output}`) stand for a string.
 *
 *   const args = providerArgs(["aws:fms/policy:Policy", …]); // every type to check: one program reads them all
 *   expect(args.problems("aws:fms/policy:Policy", inputs)).toEqual([]);
 */

const ROOT = path.resolve(__dirname, "../..");

/** The declaration file and Args interface of a Pulumi type token: `aws:fms/policy:Policy` → aws/fms/policy.d.ts, PolicyArgs. */
function declarationOf(token: string): { file: string; name: string } {
  const [pkg, module, cls] = token.split(":");
  if (pkg === "aws") {
    const [dir, file] = module.split("/");
    return { file: path.join(ROOT, "node_modules/@pulumi/aws", dir, `${file}.d.ts`), name: `${cls}Args` };
  }
  if (pkg === "azure-native") {
    return { file: path.join(ROOT, "node_modules/@pulumi/azure-native", module, `${cls[0].toLowerCase()}${cls.slice(1)}.d.ts`), name: `${cls}Args` };
  }
  throw new Error(`no provider declarations for ${token}`);
}

export interface ProviderArgs {
  /** What is wrong with `inputs` for the resource `token` (empty when they fit its Args type). */
  problems(token: string, inputs: Record<string, unknown>): string[];
}

export function providerArgs(tokens: readonly string[]): ProviderArgs {
  const files = [...new Set(tokens.map((t) => declarationOf(t).file))];
  const program = ts.createProgram(files, { skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();

  const isOutputish = (t: ts.Type) => {
    const name = t.getSymbol()?.getName() ?? t.aliasSymbol?.getName();
    return name === "Promise" || name === "OutputInstance" || name === "Output" || name === "Unwrap";
  };

  /** `Input<T>` and `T | undefined` → the plain constituents. */
  function plain(checker: ts.TypeChecker, t: ts.Type): ts.Type[] {
    const parts = t.isUnion() ? t.types : [t];
    return parts.filter((p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && !isOutputish(p))
      .flatMap((p) => (p.isUnion() ? plain(checker, p) : [p]));
  }

  function check(checker: ts.TypeChecker, where: string, value: unknown, type: ts.Type, out: string[]): void {
    const options = plain(checker, type);
    if (options.length === 0) {
      out.push(`${where}: the SDK declares no value here`);
      return;
    }
    const isRef = typeof value === "string" && /\$\{[^}]+\}/.test(value);
    const fits = (t: ts.Type): string | undefined => {
      if (t.flags & ts.TypeFlags.Any || t.flags & ts.TypeFlags.Unknown) return undefined;
      if (t.flags & ts.TypeFlags.StringLiteral) return value === (t as ts.StringLiteralType).value || isRef ? undefined : `expected "${(t as ts.StringLiteralType).value}"`;
      if (t.flags & ts.TypeFlags.StringLike) return typeof value === "string" ? undefined : "expected a string";
      if (t.flags & ts.TypeFlags.NumberLike) return typeof value === "number" ? undefined : "expected a number";
      if (t.flags & ts.TypeFlags.BooleanLike) return typeof value === "boolean" ? undefined : "expected a boolean";
      if (checker.isArrayType(t)) {
        if (!Array.isArray(value)) return "expected an array";
        const element = checker.getTypeArguments(t as ts.TypeReference)[0];
        const inner: string[] = [];
        value.forEach((v, i) => check(checker, `${where}[${i}]`, v, element, inner));
        return inner.length ? inner.join("; ") : undefined;
      }
      if (t.flags & ts.TypeFlags.Object) {
        if (!value || typeof value !== "object" || Array.isArray(value)) return "expected an object";
        const inner: string[] = [];
        const index = checker.getIndexInfosOfType(t)[0];
        const props = new Map(checker.getPropertiesOfType(t).map((p) => [p.getName(), p]));
        for (const [k, v] of Object.entries(value)) {
          const p = props.get(k);
          if (p) check(checker, `${where}.${k}`, v, checker.getTypeOfSymbol(p), inner);
          else if (index) check(checker, `${where}.${k}`, v, index.type, inner);
          else inner.push(`${where}.${k}: not an input of the SDK type`);
        }
        for (const [k, p] of props) {
          if (!(p.flags & ts.SymbolFlags.Optional) && !(k in (value as object))) inner.push(`${where}.${k}: required by the SDK, missing`);
        }
        return inner.length ? inner.join("; ") : undefined;
      }
      return `unchecked SDK type ${checker.typeToString(t)}`;
    };
    const results = options.map(fits);
    if (results.some((r) => r === undefined)) return;
    out.push(results.find((r) => r && r.includes(": ")) ?? `${where}: ${results[0]} (SDK type ${options.map((o) => checker.typeToString(o)).join(" | ")})`);
  }

  return {
    problems(token, inputs) {
      const { file, name } = declarationOf(token);
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${file} was not given to providerArgs, or is not installed`);
      const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
      if (!decl) throw new Error(`${file} declares no ${name}`);
      const out: string[] = [];
      check(checker, token.split(":")[2], inputs, checker.getTypeAtLocation(decl), out);
      return out;
    },
  };
}
