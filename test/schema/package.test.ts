import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The files `npm pack` would put in the tarball, after a fresh build of dist/. */
let packed: string[];

beforeAll(() => {
  execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "pipe" });
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  packed = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
}, 180_000);

/** Every source module of the package, as `cli/main` for src/cli/main.ts. */
function sourceModules(dir = path.join(ROOT, "src"), prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return sourceModules(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [`${prefix}${e.name.slice(0, -3)}`] : [];
  });
}

describe("npm pack", () => {
  it("ships only built code, types, the CLI, the plugin manifest and the package documents", () => {
    const allowed = /^(dist\/src\/.+\.(js|d\.ts)|bin\/agora-egress\.js|package\.json|README\.md|LICENSE|CHANGELOG\.md|PulumiPlugin\.yaml)$/;
    expect(packed.filter((f) => !allowed.test(f))).toEqual([]);
    expect(packed.filter((f) => /\.map$|(^|\/)(test|tests|fixtures|examples|bench|docs)\//.test(f) || /\.test\./.test(f))).toEqual([]);
  });

  it("ships the compiled module and its types for every source file, and nothing compiled from elsewhere", () => {
    const modules = sourceModules().sort();
    const shipped = (ext: string) => packed.filter((f) => f.startsWith("dist/src/") && f.endsWith(ext)).map((f) => f.slice("dist/src/".length, -ext.length)).sort();
    // A module without a source is a leftover of an earlier build (`rm -rf dist && npm run build`).
    expect(shipped(".js")).toEqual(modules);
    expect(shipped(".d.ts")).toEqual(modules);
  });

  it("ships what package.json points at", () => {
    for (const f of [manifest.main, manifest.types, ...Object.values(manifest.bin as Record<string, string>), "README.md", "LICENSE", "CHANGELOG.md", "PulumiPlugin.yaml"]) {
      expect({ file: f, packed: packed.includes(path.normalize(f)) }).toEqual({ file: f, packed: true });
    }
  });
});
