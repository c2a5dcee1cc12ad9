import { Resolution, resolve } from "../resolve";
import { StackSelection, secureValueError } from "./config";
import { FieldOrigin, stackField, withOrigins } from "./fields";
import { SELECTION_KEYS } from "./keys";

/** Names resolver fields after the stack key they came from. */
export function stackOrigin(file: string): FieldOrigin {
  return (root, path) => ((SELECTION_KEYS as readonly string[]).includes(root) ? stackField(file, root) + path : undefined);
}

/** Resolves a stack's selection; errors name the file and key (`Pulumi.test.yaml: agora-egress:sdks[1]`). */
export function resolveStack(stack: StackSelection): Resolution {
  if (stack.secureKeys.includes("productionProxy") && stack.selection.productionProxy === undefined) {
    throw secureValueError(stack.file, "productionProxy");
  }
  return withOrigins(stackOrigin(stack.file), () => resolve(stack.selection));
}
