import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");

/**
 * The files `npm pack` puts in the tarball (sorted paths), with dist/ as `npm run build` leaves it
 * (scripts/build.js: a no-op when nothing changed since the last build, which also removed any
 * module whose source is gone).
 */
export function packedFiles(): string[] {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build.js")], { cwd: ROOT, stdio: "pipe" });
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
}

/**
 * Copies the packed files into a fresh temporary folder, with a node_modules link to the
 * repository's: the package as it is installed, its dependencies beside it. Returns the folder.
 */
export function unpack(files: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-egress-packed-"));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}
