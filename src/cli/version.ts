import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

/** The package version, from the nearest package.json up from this file (works from src/ and dist/src/). */
export function packageVersion(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "agora-egress" && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}
