import ipaddr from "ipaddr.js";
import { InputError, quote } from "./errors";

/**
 * Canonical IPv4 CIDR: `a.b.c.d/n`; a bare address becomes `/32`. Only the strict
 * dotted-quad form is accepted (no octal, hex or shortened forms). A CIDR with host bits
 * set (`203.0.113.10/2`) is refused, never turned into the network that contains it: it is
 * almost always a typo for one address, and silently opening `192.0.0.0/2` instead would
 * be a widening nobody asked for.
 */
export function canonicalCidr(input: string, field = "address"): string {
  const text = String(input).trim();
  const [addr, bits, ...rest] = text.split("/");
  if (rest.length > 0 || !ipaddr.IPv4.isValidFourPartDecimal(addr) || /(^|\.)0\d/.test(addr)) {
    if (addr.includes(":")) throw new InputError(field, `${quote(input)} is IPv6; this catalogue and its targets use IPv4 addresses`);
    throw new InputError(field, `${quote(input)} is not an IPv4 address or CIDR`);
  }
  let prefix = 32;
  if (bits !== undefined) {
    if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) throw new InputError(field, `${quote(input)} has an invalid prefix length`);
    prefix = Number(bits);
  }
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${addr}/${prefix}`).toString();
  if (network !== addr) {
    throw new InputError(
      field,
      `${quote(input)} has host bits set: write ${addr}/32 for that one address, or ${network}/${prefix} if you mean the whole network`,
    );
  }
  return `${network}/${prefix}`;
}

/** The prefix length of a canonical CIDR. */
export function cidrPrefix(cidr: string): number {
  return Number(cidr.split("/")[1]);
}

/**
 * No Agora address list (test or production cloud-proxy endpoints, allowed IP lists) has a
 * network wider than /16; a wider one given as an Agora address is a mistake that would open
 * a large part of the Internet.
 */
export const WIDEST_AGORA_PREFIX = 16;

/**
 * Parses an address given as one of Agora's (an endpoint, a proxy server, a media source):
 * strict as `canonicalCidr`, and no wider than /16.
 */
export function agoraCidr(input: string, field: string): string {
  const cidr = canonicalCidr(input, field);
  if (cidrPrefix(cidr) < WIDEST_AGORA_PREFIX) {
    throw new InputError(
      field,
      `${quote(input)} is wider than /${WIDEST_AGORA_PREFIX}; no Agora address list has such a network, and it would open ${cidr === "0.0.0.0/0" ? "the whole Internet" : "a large part of the Internet"}: list Agora's addresses one by one or as the blocks Agora gave you`,
    );
  }
  return cidr;
}

/** Four dotted decimal groups: a cheap first test (ipaddr.js throws and catches an Error on every non-address). */
const DOTTED_QUAD = /^\d+\.\d+\.\d+\.\d+$/;

export function isIpv4Literal(text: string): boolean {
  const addr = text.split("/")[0];
  return DOTTED_QUAD.test(addr) && ipaddr.IPv4.isValidFourPartDecimal(addr);
}

export function cidrContains(cidr: string, address: string): boolean {
  const range = ipaddr.IPv4.parseCIDR(cidr);
  return ipaddr.IPv4.parse(address.split("/")[0]).match(range);
}

/** Does `outer` contain the whole of `inner`? Both canonical. */
export function cidrCovers(outer: string, inner: string): boolean {
  const [o, ob] = ipaddr.IPv4.parseCIDR(outer);
  const [i, ib] = ipaddr.IPv4.parseCIDR(inner);
  return ib >= ob && i.match(o, ob);
}

/** Numeric sort key so 9.0.0.0 sorts before 10.0.0.0. */
export function cidrSortKey(cidr: string): string {
  const [addr, bits] = cidr.split("/");
  return addr.split(".").map((o) => o.padStart(3, "0")).join(".") + "/" + bits.padStart(2, "0");
}

/** Collapses a list of canonical CIDRs: drops ones contained in another, dedupes, sorts. */
export function collapseCidrs(cidrs: readonly string[]): string[] {
  const unique = [...new Set(cidrs)].sort((a, b) => cidrSortKey(a).localeCompare(cidrSortKey(b)));
  // CIDR blocks either nest or are disjoint, and in this order a block comes before the blocks
  // it contains: one pass keeping the end of the last kept block finds them (n log n, not n²).
  const kept: string[] = [];
  let end = -1;
  for (const c of unique) {
    const [addr, bits] = c.split("/");
    const size = 2 ** (32 - Number(bits));
    const start = Math.floor(addr.split(".").reduce((v, o) => v * 256 + Number(o), 0) / size) * size;
    if (start <= end) continue;
    kept.push(c);
    end = start + size - 1;
  }
  return kept;
}
