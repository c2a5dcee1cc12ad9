import { InputError, quote } from "../model";
import { VersionRange } from "../catalog";

const VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;

export function checkVersion(version: string, field: string): string {
  if (!VERSION.test(version)) throw new InputError(field, `${quote(version)} is not a version number (use e.g. 2.9.0)`);
  return version;
}

/** Numeric comparison of dotted versions; missing parts count as 0 (2.9 == 2.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Does `version` fall in `range`? An unknown version means the latest, which satisfies any `min`. */
export function versionInRange(version: string | undefined, range: VersionRange | undefined): boolean {
  if (!range) return true;
  if (version === undefined) return range.below === undefined;
  if (range.min !== undefined && compareVersions(version, range.min) < 0) return false;
  if (range.below !== undefined && compareVersions(version, range.below) >= 0) return false;
  return true;
}
