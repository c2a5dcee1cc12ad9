/**
 * Run by secret-endpoints.test.ts in a process of its own (`node -r test/determinism/ts-register.js`):
 * constructs a component whose secret endpoints are bad, under Pulumi mocks, and prints as JSON
 * what Pulumi's runner would get: every distinct unhandled rejection, and the registrations.
 */
import * as pulumi from "@pulumi/pulumi";
import { AwsAgoraEgress } from "../../../src/components/aws";
import { AccessMode, AgoraEnvironment } from "../../../src/args/selection-args";
import { installPulumiMocks, settle } from "../../support/pulumi-mocks";

const rejections = new Set<unknown>();
process.on("unhandledRejection", (e) => void rejections.add(e));

async function main(): Promise<void> {
  const mocks = await installPulumiMocks({ stack: "production" });
  const component = new AwsAgoraEgress("egress", {
    edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production,
    productionEndpoints: pulumi.secret([{ protocol: "udp", addresses: ["203.0.113.300"], ports: ["4500-4650"] }]),
    securityGroups: { vpcId: "vpc-1" },
  });
  await settle().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 50));
  const errors = [...rejections].map((e) => ({
    resourceError: pulumi.ResourceError.isInstance(e),
    onComponent: pulumi.ResourceError.isInstance(e) && e.resource === component,
    hideStack: pulumi.ResourceError.isInstance(e) ? e.hideStack : undefined,
    message: e instanceof Error ? e.message : String(e),
  }));
  const registered = mocks.registered.map((r) => `${r.type}::${r.name}`);
  process.stdout.write(JSON.stringify({ errors, registered }));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ failed: String(e) }));
});
