import { InputError, quote } from "./errors";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Validates and canonicalises a DNS name: lower case, one trailing dot removed.
 * Only LDH labels (letters, digits, hyphens) are accepted: a name that every target
 * (Suricata content match, DNS Firewall, Azure FQDN rules) can carry without escaping.
 * Internationalised names must be given in their punycode (xn--) form, so a look-alike
 * in another script cannot slip through as if it were an Agora domain.
 */
export function canonicalDomain(input: string, field = "domain"): string {
  if (typeof input !== "string") throw new InputError(field, `expected a domain name, got ${quote(input)}`);
  let name = input.toLowerCase();
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (name === "") throw new InputError(field, "domain name is empty");
  if (/[^\x21-\x7e]/.test(name)) {
    throw new InputError(field, `${quote(input)} contains spaces, control or non-ASCII characters (write internationalised names as xn-- punycode)`);
  }
  if (name.includes("*")) {
    throw new InputError(field, `${quote(input)} has a wildcard: write ".example.com" for a domain and all its subdomains`);
  }
  if (name.length > 253) throw new InputError(field, `${quote(input)} is longer than 253 characters`);
  const labels = name.split(".");
  if (labels.length < 2) throw new InputError(field, `${quote(input)} is not a fully qualified domain name`);
  for (const label of labels) {
    if (label.length === 0) throw new InputError(field, `${quote(input)} has an empty label`);
    if (label.length > 63) throw new InputError(field, `${quote(input)} has a label longer than 63 characters`);
    if (!LABEL.test(label)) {
      throw new InputError(field, `${quote(input)} has an invalid label ${quote(label)} (letters, digits and inner hyphens only)`);
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1])) throw new InputError(field, `${quote(input)} looks like an IP address, not a domain name`);
  return name;
}

/** Does `name` (canonical) equal `domain`, or (for a subtree) is it `domain` or below it? */
export function domainMatches(name: string, domain: string, subtree: boolean): boolean {
  if (name === domain) return true;
  return subtree && name.endsWith("." + domain);
}
