import { canonicalCidr, cidrSortKey } from "./address";
import { canonicalDomain } from "./domain";
import { InputError, quote } from "./errors";

/**
 * Where a rule lets traffic go (for ingress: where it may come from).
 * - `domain` with `subtree: false`: exactly that name (`qos.agoralab.co`).
 * - `domain` with `subtree: true`: the name and every name below it (Agora writes `.agora.io`).
 * - `cidr`: an IPv4 address or network, canonical (`120.92.118.34/32`).
 */
export type Destination =
  | { readonly kind: "domain"; readonly name: string; readonly subtree: boolean }
  | { readonly kind: "cidr"; readonly cidr: string };

/** Parses Agora's notation: `.agora.io`, `qos.agoralab.co`, `120.92.118.34`, `203.0.113.0/24`. */
export function parseDestination(input: string, field = "destination"): Destination {
  if (typeof input !== "string") throw new InputError(field, `expected a domain or IPv4 address, got ${quote(input)}`);
  const text = input;
  if (/^[\d./]+$/.test(text) || /^[0-9a-f]*:[0-9a-f:.]*(\/\d+)?$/i.test(text)) {
    return { kind: "cidr", cidr: canonicalCidr(text, field) };
  }
  if (text.startsWith(".")) {
    if (text.startsWith("..")) throw new InputError(field, `${quote(input)} has an empty label`);
    return { kind: "domain", name: canonicalDomain(text.slice(1), field), subtree: true };
  }
  return { kind: "domain", name: canonicalDomain(text, field), subtree: false };
}

/** Agora's notation, the inverse of `parseDestination`. */
export function formatDestination(d: Destination): string {
  if (d.kind === "cidr") return d.cidr;
  return d.subtree ? `.${d.name}` : d.name;
}

/** Sort key: addresses numerically first, then domains by name (subtree after exact). */
export function destinationSortKey(d: Destination): string {
  if (d.kind === "cidr") return `0 ${cidrSortKey(d.cidr)}`;
  return `1 ${d.name.split(".").reverse().join(".")} ${d.subtree ? 1 : 0}`;
}

export function isDomain(d: Destination): d is Extract<Destination, { kind: "domain" }> {
  return d.kind === "domain";
}
