/**
 * Finds a Pulumi secret in a config value: `{secure: "v1:…"}` as the whole value or as any
 * leaf (`pulumi config set --secret --path`). Returns the path to it, or undefined.
 */
export function findSecure(value: unknown, path = ""): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findSecure(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === "secure" && typeof entries[0][1] === "string") return path;
    for (const [k, v] of entries) {
      const found = findSecure(v, `${path}.${k}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
