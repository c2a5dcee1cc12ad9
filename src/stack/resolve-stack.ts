import { Resolution, resolve } from "../resolve";
import { StackSelection, secureValueError } from "./config";
import { FieldNames, stackField, withOrigins } from "./fields";
import { SELECTION_KEYS, STACK_NAMESPACE } from "./keys";

const isSelectionKey = (root: string) => (SELECTION_KEYS as readonly string[]).includes(root);

/**
 * Names resolver fields after the stack key they came from (`Pulumi.test.yaml: agora-egress:sdks[1]`),
 * and asks for settings as stack keys (`agora-egress:access: cloud-proxy`).
 */
export function stackOrigin(file: string): FieldNames {
  return {
    field: (root, path) => (isSelectionKey(root) ? stackField(file, root) + path : undefined),
    ask: (root, path, value) => (isSelectionKey(root) ? `${STACK_NAMESPACE}:${root}${path}${value === undefined ? "" : `: ${value}`}` : undefined),
  };
}

/** Resolves a stack's selection; errors name the file and key (`Pulumi.test.yaml: agora-egress:sdks[1]`). */
export function resolveStack(stack: StackSelection): Resolution {
  if (stack.secureKeys.includes("productionProxy") && stack.selection.productionProxy === undefined) {
    throw secureValueError(stack.file, "productionProxy");
  }
  return withOrigins(stackOrigin(stack.file), () => resolve(stack.selection));
}
