import { readFileSync } from "fs";
import { join } from "path";
import { parseDocument } from "yaml";
import { InputError, quote } from "../model";
import { StackReadOptions, StackSelection, projectConfigValues, stackConfigFromValues } from "./config";

const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `Pulumi.<name>.yaml`, the file Pulumi keeps a stack's configuration in. */
export function stackFileName(stackName: string): string {
  if (!STACK_NAME.test(stackName)) {
    throw new InputError("stack", `${quote(stackName)} is not a stack name (letters, digits, '-', '_', '.')`);
  }
  return `Pulumi.${stackName}.yaml`;
}

/** Parses a YAML (or JSON) file; errors name the file and the line. */
export function readYamlFile(path: string, shownAs: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(shownAs, code === "ENOENT" ? `file not found (looked for ${path})` : `cannot be read (${code ?? String(err)})`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const message = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    const line = e.linePos ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "";
    throw new InputError(shownAs, `is not valid YAML${line}: ${message}`);
  }
  return doc.toJS();
}

/**
 * Reads and validates `Pulumi.<stackName>.yaml` in `dir`: the `agora-egress:*` keys become
 * the resolver's selection and the target options. Errors (InputError) name the file and the
 * key; a missing file names the file.
 */
export function readStackSelection(dir: string, stackName: string, options: StackReadOptions = {}): StackSelection {
  const file = stackFileName(stackName);
  const doc = readYamlFile(join(dir, file), file);
  if (doc !== null && doc !== undefined && (typeof doc !== "object" || Array.isArray(doc))) {
    throw new InputError(file, "must be a YAML map with a `config:` section");
  }
  const config = (doc as Record<string, unknown> | null)?.config;
  return stackConfigFromValues(stackName, file, projectConfigValues(file, config), options);
}
