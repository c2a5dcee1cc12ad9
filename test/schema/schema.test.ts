import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { parse } from "yaml";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { packedFiles, unpack } from "../support/packed";
// Makes `npm run typecheck` check the plugin entry (outside tsconfig's `include`); a type-only import, so it never runs here.
import type * as _pluginEntry from "../../provider";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = "agora-egress";
const COMPONENTS = [
  "AwsAgoraEgress", "AwsAgoraEgressOrganization", "AwsDnsFirewall", "AwsNetworkFirewall", "AwsSecurityGroups",
  "AzureAgoraEgress", "AzureAgoraEgressNetworkManager", "AzureDnsSecurityPolicy", "AzureFirewallPolicyRules", "AzureNsgRules",
];

/** The parts of a Pulumi package schema this test reads. */
interface PropertySpec {
  description?: string;
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
}
interface TypeSpec {
  type: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  enum?: { value: unknown }[];
}
interface ResourceSpec {
  isComponent?: boolean;
  description?: string;
  inputProperties?: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties?: Record<string, PropertySpec>;
}
interface PackageSchema {
  name: string;
  resources: Record<string, ResourceSpec>;
  types: Record<string, TypeSpec>;
}

const token = (component: string) => `${PACKAGE}:index:${component}`;

/**
 * What each component's TypeScript declares, read with the compiler API rather than through the
 * analyzer: the properties of its constructor's `args` type, and its own public properties.
 */
function declaredMembers(): Map<string, { inputs: string[]; outputs: string[] }> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  // The package's own sources only (no SDK or lib declarations: about 90 files instead of 1,400, a
  // third of a second instead of ten): args interfaces and their bases are all declared in src/,
  // and the public properties are read from the class declarations themselves.
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
  const program = ts.createProgram(sources(path.join(ROOT, "src")), { ...config.options, noResolve: true, noLib: true, types: [] });
  const entries = ["src/components/aws/index.ts", "src/components/azure/index.ts"].map((f) => path.join(ROOT, f));
  const checker = program.getTypeChecker();
  const members = new Map<string, { inputs: string[]; outputs: string[] }>();
  for (const entry of entries) {
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
      if (!COMPONENTS.includes(exported.name)) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations!.find(ts.isClassDeclaration)!;
      const constructor = declaration.members.find(ts.isConstructorDeclaration)!;
      const args = constructor.parameters.find((p) => p.name.getText() === "args")!;
      const inputs = checker.getPropertiesOfType(checker.getTypeAtLocation(args)).map((p) => p.name);
      const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static;
      const outputs = declaration.members
        .filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !(ts.getCombinedModifierFlags(m) & hidden))
        .map((m) => m.name.getText());
      members.set(exported.name, { inputs: inputs.sort(), outputs: outputs.sort() });
    }
  }
  return members;
}

describe("the package schema generated offline by the component analyzer", () => {
  let generated: PackageSchema | undefined;
  let analyzerError: string | undefined;
  let hosted: string[];

  let unpacked: string;
  beforeAll(async () => {
    // The package as `npm pack` ships it, where `pulumi package add` would find it.
    unpacked = unpack(packedFiles());
    // What Pulumi's Node.js host does with a plugin folder: require it (package.json `main`,
    // dist/src/index.js) and host every component class it exports.
    const components = getPulumiComponents(require(unpacked));
    hosted = components.map((c) => c.name).sort();
    // The analyzer reads the folder's package.json and tsconfig.json; `main` (dist/src/index.js) has no .ts
    // source in the program, so it falls back to src/index.ts (shipped) and follows its imports.
    try {
      generated = JSON.parse(await new ComponentProvider({ components, name: PACKAGE, dirname: unpacked }).getSchema());
    } catch (e) {
      analyzerError = (e as Error).message;
    }
  }, 180_000);
  afterAll(() => fs.rmSync(unpacked, { recursive: true, force: true }));

  /** The schema, for the tests below; they cannot run when the analyzer refused a component. */
  const schemaOf = (): PackageSchema => {
    if (!generated) throw new Error(`no schema: ${analyzerError}`);
    return generated;
  };

  it("is generated: the analyzer accepts every component (one refusal fails the whole package)", () => {
    expect(analyzerError).toBeUndefined();
  });

  it("hosts exactly the package's components, each as a component resource with a description", () => {
    const schema = schemaOf();
    expect(hosted).toEqual([...COMPONENTS].sort());
    expect(schema.name).toBe(PACKAGE);
    expect(Object.keys(schema.resources).sort()).toEqual(COMPONENTS.map(token).sort());
    for (const component of COMPONENTS) {
      expect({ component, isComponent: schema.resources[token(component)].isComponent }).toEqual({ component, isComponent: true });
      expect({ component, description: !!schema.resources[token(component)].description?.trim() }).toEqual({ component, description: true });
    }
  });

  it("has every input and output the components declare", () => {
    const schema = schemaOf();
    const declared = declaredMembers();
    expect([...declared.keys()].sort()).toEqual([...COMPONENTS].sort());
    for (const [component, { inputs, outputs }] of declared) {
      const r = schema.resources[token(component)];
      expect({ component, inputs: Object.keys(r.inputProperties ?? {}).sort() }).toEqual({ component, inputs });
      expect({ component, outputs: Object.keys(r.properties ?? {}).sort() }).toEqual({ component, outputs });
    }
  });

  it("describes every input and output, and every property of the object types they use", () => {
    const schema = schemaOf();
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (where: string, spec: PropertySpec) => {
      const ref = spec.$ref ?? spec.items?.$ref ?? spec.additionalProperties?.$ref;
      const name = ref?.startsWith("#/types/") ? ref.slice("#/types/".length) : undefined;
      if (!name || seen.has(name)) return;
      seen.add(name);
      for (const [property, inner] of Object.entries(schema.types[name]?.properties ?? {})) {
        if (!inner.description?.trim()) missing.push(`${name.split(":")[2]}.${property} (used by ${where})`);
        visit(where, inner);
      }
    };
    for (const component of COMPONENTS) {
      const r = schema.resources[token(component)];
      for (const [kind, properties] of [["input", r.inputProperties], ["output", r.properties]] as const) {
        for (const [property, spec] of Object.entries(properties ?? {})) {
          if (!spec.description?.trim()) missing.push(`${component} ${kind} ${property}`);
          visit(`${component}.${property}`, spec);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("accepts the Pulumi YAML example: its agora-egress resources exist and take the properties given", () => {
    const schema = schemaOf();
    const program = parse(fs.readFileSync(path.join(ROOT, "examples/yaml-agora-egress/Pulumi.yaml"), "utf8"));
    expect(program.runtime).toBe("yaml");
    expect(path.resolve(ROOT, "examples/yaml-agora-egress", program.packages[PACKAGE])).toBe(ROOT);
    const problems: string[] = [];
    const check = (where: string, value: unknown, spec: PropertySpec) => {
      if (typeof value === "string" && value.includes("${")) return; // an output of another resource
      const ref = spec.$ref?.startsWith("#/types/") ? schema.types[spec.$ref.slice("#/types/".length)] : undefined;
      if (ref?.enum) {
        if (!ref.enum.some((e) => e.value === value)) problems.push(`${where}: ${JSON.stringify(value)} is not one of ${ref.enum.map((e) => e.value).join(", ")}`);
      } else if (ref?.properties) {
        checkObject(where, value as Record<string, unknown>, ref.properties, ref.required ?? []);
      } else if (spec.type === "array") {
        (value as unknown[]).forEach((v, i) => check(`${where}[${i}]`, v, spec.items!));
      } else if (spec.type === "object" && spec.additionalProperties) {
        for (const [k, v] of Object.entries(value as object)) check(`${where}.${k}`, v, spec.additionalProperties);
      } else if (spec.type && typeof value !== (spec.type === "integer" ? "number" : spec.type)) {
        problems.push(`${where}: expected ${spec.type}, got ${JSON.stringify(value)}`);
      }
    };
    const checkObject = (where: string, value: Record<string, unknown>, properties: Record<string, PropertySpec>, required: string[]) => {
      for (const r of required) if (!(r in value)) problems.push(`${where}: missing ${r}`);
      for (const [k, v] of Object.entries(value)) {
        if (!properties[k]) problems.push(`${where}.${k}: no such input`);
        else check(`${where}.${k}`, v, properties[k]);
      }
    };
    const used = Object.entries(program.resources as Record<string, { type: string; properties: Record<string, unknown> }>)
      .filter(([, r]) => r.type.startsWith(`${PACKAGE}:`));
    expect(used.map(([, r]) => r.type)).toEqual([token("AwsAgoraEgress")]);
    for (const [name, r] of used) {
      const resource = schema.resources[r.type];
      checkObject(name, r.properties, resource.inputProperties ?? {}, resource.requiredInputs ?? []);
    }
    for (const [output, expression] of Object.entries(program.outputs as Record<string, string>)) {
      const [, resource, property] = /^\$\{(\w+)\.(\w+)\}$/.exec(expression) ?? [];
      const type = program.resources[resource]?.type;
      if (type?.startsWith(`${PACKAGE}:`) && !schema.resources[type].properties?.[property]) problems.push(`outputs.${output}: ${type} has no output ${property}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("the plugin manifest", () => {
  it("names the Node.js runtime only (Pulumi's host requires the package's main); provider.ts hosts the same components from the package root", () => {
    const manifest = parse(fs.readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8"));
    expect(manifest).toEqual({ runtime: "nodejs" });
    const provider = fs.readFileSync(path.join(ROOT, "provider.ts"), "utf8");
    expect(provider).toMatch(/componentProviderHost\(\{ components: getPulumiComponents\(agoraEgress\), name: "agora-egress", dirname: packageRoot \}\)/);
    expect(provider).toMatch(/const packageRoot = path\.basename\(__dirname\) === "dist" \? path\.dirname\(__dirname\) : __dirname;/);
  });

  it("has a tsconfig.json that Pulumi's ts-node accepts: it fills in module and moduleResolution nodenext where the file sets neither", () => {
    // What Pulumi's Node.js runtime (cmd/run-plugin) registers: its defaults, then tsconfig.json's own compilerOptions.
    const own = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config.compilerOptions;
    const merged = { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: true, ...own };
    const { options, errors } = ts.convertCompilerOptionsFromJson(merged, ROOT);
    expect(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n"))).toEqual([]);
    const diagnostics = ts.createProgram({ rootNames: [], options }).getOptionsDiagnostics();
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });
});
