// The port arithmetic the AWS renderers use lives with the model (src/model/ports.ts), shared with the diffs.
export { intersectPorts, overlaps, subtractPorts } from "../../model";
