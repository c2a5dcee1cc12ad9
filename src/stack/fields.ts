// Errors name fields by where the user wrote them; the relabeller itself is in src/model/errors.ts.
export { FieldNames, FieldOrigin, relabel, withOrigins } from "../model";

/** `Pulumi.test.yaml: agora-egress:sdks` — how errors name a stack config key. */
export function stackField(file: string, key: string): string {
  return `${file}: ${key.includes(":") ? key : `agora-egress:${key}`}`;
}
