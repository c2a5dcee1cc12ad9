/**
 * The plugin entry for `pulumi package add` (PulumiPlugin.yaml → `main`): hosts every component
 * the package exports, so Pulumi YAML, Python, Go and .NET programs can use them. Pulumi runs it
 * from a source checkout with ts-node; the schema comes from the component analyzer, which reads
 * this directory's package.json and tsconfig.json and finds the components from src/index.ts.
 */
import { componentProviderHost, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as agoraEgress from "./src";

componentProviderHost({ components: getPulumiComponents(agoraEgress), name: "agora-egress", dirname: __dirname });
