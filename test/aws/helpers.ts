import { Flow, InputError, PortRange, isIpv4Literal, portInRanges } from "../../src/model";
import { Resolution, SelectionInput, resolve } from "../../src/resolve";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { SuricataOptions } from "../../src/renderers/aws";
import { Connection } from "./suricata-evaluator";
import { HOST, remoteAddress } from "./flows";

export const ALL_SDKS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];

/** Resolves, or undefined when the resolver rejects the (randomly built) selection. */
export function tryResolve(selection: SelectionInput): Resolution | undefined {
  try {
    return resolve(selection);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** Production cloud proxy with `count` endpoint addresses (TCP 443 + 4000, UDP 4500-4650). */
export function productionSelection(count: number, sdks = ["rtc-native", "recording"]): SelectionInput {
  const addresses = Array.from({ length: count }, (_, i) => `100.64.${Math.floor(i / 200)}.${(i % 200) + 1}`);
  return {
    edition: "2020-05", sdks, access: "cloud-proxy", environment: "production",
    productionProxy: {
      endpoints: [
        { protocol: "udp", addresses, ports: ["4500-4650"], purpose: "Media data exchange" },
        { protocol: "tcp", addresses, ports: ["443", "4000"], purpose: "Message data transmission" },
      ],
    },
  };
}

/** What Network Firewall sees of a model flow (see the address conventions in flows.ts). */
export function connectionOf(f: Flow, options: SuricataOptions): Connection {
  const remote = remoteAddress(f);
  if ((f.direction ?? "egress") === "ingress") return { proto: f.protocol, client: remote, server: HOST, serverPort: f.port };
  // Clients send the name without the root dot (RFC 6066 for SNI; assumed for Host).
  const name = isIpv4Literal(f.destination) ? undefined : f.destination.replace(/\.$/, "");
  const on = (ranges: readonly PortRange[]) => f.protocol === "tcp" && portInRanges(f.port, ranges);
  const app = !name ? undefined : on(options.tlsPorts) ? { protocol: "tls" as const, name } : on(options.httpPorts) ? { protocol: "http" as const, name } : undefined;
  return { proto: f.protocol, client: HOST, clientPort: f.sourcePort, server: remote, serverPort: f.port, ...(app ? { app } : {}) };
}

export const byType = (plan: Plan, type: string): ResourceSpec[] => plan.resources.filter((r) => r.type === type);

/** Fisher–Yates with a seeded generator, so a failing shuffle can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
