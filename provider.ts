/**
 * An explicit plugin entry: hosts every component the package exports, so Pulumi YAML, Python, Go
 * and .NET programs can use them. Built into dist/provider.js and shipped; `node dist/provider.js`
 * (or ts-node on this file in a checkout) serves them the way Pulumi's Node.js host does by itself
 * for `pulumi package add` (it requires the package's `main` and hosts the components exported
 * there). The schema comes from the component analyzer, which reads the package root's
 * package.json and tsconfig.json and finds the components from src/index.ts.
 */
import * as path from "path";
import { componentProviderHost, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as agoraEgress from "./src";

/** The package root: this file's folder in a checkout, its parent once compiled to dist/provider.js. */
const packageRoot = path.basename(__dirname) === "dist" ? path.dirname(__dirname) : __dirname;

componentProviderHost({ components: getPulumiComponents(agoraEgress), name: "agora-egress", dirname: packageRoot });
