import Module from "node:module";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { loadProviders } from "./providers";

/**
 * Child process: loads the provider baseline, then the package with `Module._load` timed, and
 * prints the self time of every module the package adds, grouped (zod, ipaddr.js, src/<folder>).
 */
function main(): void {
  loadProviders();
  const root = join(__dirname, "../../src");
  const self = new Map<string, number>();
  const stack: { start: number; child: number }[] = [];
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown; _resolveFilename(r: string, p: unknown): string };
  const original = loader._load;
  const seen = new Set(Object.keys(require.cache));
  loader._load = function load(request: string, parent: unknown, isMain: boolean) {
    let file: string;
    try {
      file = loader._resolveFilename(request, parent);
    } catch {
      return original.call(this, request, parent, isMain);
    }
    if (seen.has(file)) return original.call(this, request, parent, isMain);
    seen.add(file);
    const frame = { start: performance.now(), child: 0 };
    stack.push(frame);
    try {
      return original.call(this, request, parent, isMain);
    } finally {
      stack.pop();
      const total = performance.now() - frame.start;
      if (stack.length) stack[stack.length - 1].child += total;
      const group = file.includes("node_modules")
        ? file.replace(/.*node_modules\//, "").split("/")[0]
        : `src/${relative(root, file).split("/").slice(0, -1).join("/") || "."}`;
      self.set(group, (self.get(group) ?? 0) + total - frame.child);
    }
  };
  require(join(root, "index.js"));
  loader._load = original;
  console.log(JSON.stringify(Object.fromEntries([...self].sort((a, b) => b[1] - a[1]))));
}

main();
