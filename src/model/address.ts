import ipaddr from "ipaddr.js";
import { InputError, quote } from "./errors";

/**
 * Canonical IPv4 CIDR: `a.b.c.d/n` with host bits cleared; a bare address becomes `/32`.
 * Only the strict dotted-quad form is accepted (no octal, hex or shortened forms).
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
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${addr}/${prefix}`);
  return `${network.toString()}/${prefix}`;
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
