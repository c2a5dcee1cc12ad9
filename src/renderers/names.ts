import { createHash } from "node:crypto";

/**
 * Logical resource names from rule content: lower-case, `[a-z0-9-]`, readable, and short
 * enough for every target. Too long a name keeps a readable head and gains a hash of the
 * whole, so two different contents never share a name.
 */
export function contentName(parts: readonly (string | number)[], maxLength = 63): string {
  const raw = parts.map(String).join("-");
  const slug = raw.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength && slug === raw.toLowerCase()) return slug;
  const hash = createHash("sha256").update(raw).digest("hex").slice(0, 8);
  if (slug.length + 9 <= maxLength) return `${slug}-${hash}`;
  return `${slug.slice(0, maxLength - 9).replace(/-+$/, "")}-${hash}`;
}

export function shortHash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
