import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { EDITIONS } from "../../src/catalog";
import { ROOT, packedFiles } from "../support/packed";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The files `npm pack` would put in the tarball, with dist/ as `npm run build` leaves it. */
let packed: string[];

beforeAll(() => {
  packed = packedFiles();
}, 180_000);

/** Every source module of the package, as `cli/main` for src/cli/main.ts. */
function sourceModules(dir = path.join(ROOT, "src"), prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return sourceModules(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [`${prefix}${e.name.slice(0, -3)}`] : [];
  });
}

/** Is `rel` (a path inside the package) a packed file, or a folder that holds packed files? */
function inTarball(rel: string): boolean {
  const p = path.posix.normalize(rel).replace(/\/$/, "");
  return packed.includes(p) || packed.some((f) => f.startsWith(`${p}/`));
}

/** The relative links of a Markdown file (no URLs, no in-page anchors), resolved against its folder, fragment dropped. */
function relativeLinks(file: string): string[] {
  // Links outside code: a fenced block or an inline code span may hold `](` (a regex, a rule), not a link.
  const text = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("#"))
    .map((href) => path.posix.join(path.posix.dirname(file), href.split("#")[0]));
}

describe("npm pack", () => {
  it("ships built code and types, the CLI, the plugin's sources and manifest, and the documents the README links to; no tests, bench code or build leftovers", () => {
    const allowed = new RegExp("^(dist/src/.+\\.(js|d\\.ts)|dist/provider\\.(js|d\\.ts)|bin/agora-egress\\.js|src/.+\\.ts|sources/.+|docs/.+\\.md"
      + "|examples/.+|bench/RESULTS\\.md|package\\.json|tsconfig\\.json|README\\.md|LICENSE|CHANGELOG\\.md|PulumiPlugin\\.yaml|Pulumi(\\.(test|production))?\\.yaml)$");
    expect(packed.filter((f) => !allowed.test(f))).toEqual([]);
    expect(packed.filter((f) => /\.map$|\.tsbuildinfo$|\.build-inputs\.json$|(^|\/)(test|tests|fixtures|node_modules)\//.test(f) || /\.test\.[jt]s$/.test(f))).toEqual([]);
    expect(packed.filter((f) => f.startsWith("bench/"))).toEqual(["bench/RESULTS.md"]);
  });

  it("ships the compiled module and its types for every source file, and nothing compiled from elsewhere", () => {
    const modules = sourceModules().sort();
    const shipped = (ext: string) => packed.filter((f) => f.startsWith("dist/src/") && f.endsWith(ext)).map((f) => f.slice("dist/src/".length, -ext.length)).sort();
    // A module without a source is a leftover of an earlier build (scripts/build.js removes those).
    expect(shipped(".js")).toEqual(modules);
    expect(shipped(".d.ts")).toEqual(modules);
  });

  it("ships what package.json points at", () => {
    for (const f of [manifest.main, manifest.types, ...Object.values(manifest.bin as Record<string, string>), "README.md", "LICENSE", "CHANGELOG.md", "PulumiPlugin.yaml"]) {
      expect({ file: f, packed: packed.includes(path.normalize(f)) }).toEqual({ file: f, packed: true });
    }
  });

  it("ships every file the catalogue cites", () => {
    const cited = [...new Set(EDITIONS.flatMap((e) => [...e.documents.map((d) => d.file), ...e.direct.map((r) => r.provenance.file)]))].sort();
    expect(cited.length).toBeGreaterThanOrEqual(3);
    expect(cited.filter((f) => !packed.includes(f))).toEqual([]);
  });

  it("ships every file and folder that README.md and the shipped Markdown documents link to", () => {
    const readmeLinks = relativeLinks("README.md");
    expect(readmeLinks).toEqual(expect.arrayContaining(["bench/RESULTS.md", "docs/catalog.md", "examples/", "sources/agora-facts.md"]));
    const broken = packed.filter((f) => f.endsWith(".md")).flatMap((md) => relativeLinks(md).filter((l) => !inTarball(l)).map((l) => `${md} → ${l}`));
    expect(broken).toEqual([]);
  });

  it("ships the plugin: its manifest, the entry Pulumi's Node.js host requires, and what the component analyzer reads", () => {
    // The host requires the plugin's folder, i.e. package.json `main`, and serves the components exported there.
    expect(parse(fs.readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8"))).toEqual({ runtime: "nodejs" });
    expect(packed).toEqual(expect.arrayContaining(["PulumiPlugin.yaml", "package.json", manifest.main, "dist/provider.js"]));
    // The analyzer reads tsconfig.json and finds the components from src/index.ts through its imports.
    expect(packed).toEqual(expect.arrayContaining(["tsconfig.json", ...sourceModules().map((m) => `src/${m}.ts`)]));
  });
});
