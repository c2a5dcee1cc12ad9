import { domainToASCII } from "url";
import { InputError, Rule, RuleSet, allows, canonicalDomain, domainMatches, matchingRules, parseDestination } from "../../src/model";

// The reference semantics of domain rules: `.agora.io` is the apex and every name below it;
// `qos.agoralab.co` is that name only. Case-insensitive, one trailing dot ignored.

const PROVENANCE = { document: "T", file: "t", title: "t", table: "t", revision: "t", seed: false } as const;

function rule(destination: string): Rule {
  return {
    sdk: "t", direction: "egress", protocol: "tcp", destination: parseDestination(destination),
    ports: [{ from: 443, to: 443 }], provenance: [PROVENANCE],
  };
}

const subtree: RuleSet = { edition: "t", rules: [rule(".agora.io")] };
const exact: RuleSet = { edition: "t", rules: [rule("qos.agoralab.co")] };

const cyrillicA = "\u0430gora.io"; // "аgora.io": the first letter is CYRILLIC SMALL LETTER A
const punycodeLookAlike = domainToASCII(cyrillicA);

describe("matching names against .agora.io (subtree) and qos.agoralab.co (exact)", () => {
  it.each([
    // name,                         .agora.io, qos.agoralab.co
    ["agora.io", true, false], // apex of the subtree
    ["ap1.agora.io", true, false],
    ["a.b.c.d.e.agora.io", true, false], // deep subdomain
    ["x.edge.agora.io", true, false],
    ["AGORA.IO", true, false], // case-insensitive
    ["Ap1.AgOrA.Io", true, false],
    ["ap1.agora.io.", true, false], // one trailing dot: the absolute form of the same name
    ["agora.io.", true, false],
    ["evilagora.io", false, false], // suffix without a label boundary
    ["xagora.io", false, false],
    ["agora.io.evil.com", false, false], // Agora's name as a prefix of someone else's
    ["agora.iox", false, false],
    ["agora.com", false, false],
    ["io.agora", false, false],
    ["qos.agoralab.co", false, true],
    ["QOS.AGORALAB.CO.", false, true],
    ["x.qos.agoralab.co", false, false], // an exact name does not include its subdomains
    ["qoslbs.agoralab.co", false, false],
    ["os.agoralab.co", false, false],
    ["agoralab.co", false, false],
    ["qos.agoralab.co.evil.com", false, false],
    [punycodeLookAlike, false, false], // the look-alike's valid punycode form is a different name
    ["1.2.3.4", false, false], // addresses never match domain rules
  ])("%s", (name, inSubtree, isExact) => {
    const flow = { protocol: "tcp" as const, port: 443, destination: name };
    expect(allows(subtree, flow)).toBe(inSubtree);
    expect(allows(exact, flow)).toBe(isExact);
  });

  it("the punycode look-alike really is the ASCII form of the unicode name, and is a valid name", () => {
    expect(punycodeLookAlike).toMatch(/^xn--[a-z0-9-]+\.io$/);
    expect(canonicalDomain(punycodeLookAlike)).toBe(punycodeLookAlike);
  });

  it("only the port and protocol of the rule match", () => {
    expect(allows(subtree, { protocol: "tcp", port: 80, destination: "ap1.agora.io" })).toBe(false);
    expect(allows(subtree, { protocol: "udp", port: 443, destination: "ap1.agora.io" })).toBe(false);
    expect(allows(subtree, { direction: "ingress", protocol: "tcp", port: 443, destination: "ap1.agora.io" })).toBe(false);
    expect(matchingRules(subtree, { protocol: "tcp", port: 443, destination: "ap1.agora.io" })).toEqual(subtree.rules);
  });
});

describe("names a flow may not carry", () => {
  it.each([
    ["ap1.agora.io..", /"ap1\.agora\.io\.\." has an empty label/], // two trailing dots
    [cyrillicA, /non-ASCII characters \(write internationalised names as xn-- punycode\)/],
    ["agora.\u0456\u043e", /non-ASCII/], // "agora.іо" with Cyrillic і and о
    ["ap1.agora.io ", /contains spaces/],
    ["", /domain name is empty/],
    ["*.agora.io", /wildcard/],
    [".agora.io", /empty label/], // a flow goes to one name, not a subtree
    ["agora.io\n", /control/],
  ])("%j is refused", (name, problem) => {
    const flow = { protocol: "tcp" as const, port: 443, destination: name };
    let error: unknown;
    try {
      allows(subtree, flow);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe("flow.destination");
    expect((error as InputError).problem).toMatch(problem);
  });
});

describe("rule destinations are canonicalised the same way", () => {
  it.each([
    [".AGORA.IO", { kind: "domain", name: "agora.io", subtree: true }],
    [".agora.io.", { kind: "domain", name: "agora.io", subtree: true }],
    ["QOS.agoralab.co.", { kind: "domain", name: "qos.agoralab.co", subtree: false }],
    [punycodeLookAlike.toUpperCase(), { kind: "domain", name: punycodeLookAlike, subtree: false }],
  ])("%s", (input, expected) => {
    expect(parseDestination(input)).toEqual(expected);
  });

  it("domainMatches works on canonical names at label boundaries only", () => {
    expect(domainMatches("agora.io", "agora.io", true)).toBe(true);
    expect(domainMatches("a.agora.io", "agora.io", true)).toBe(true);
    expect(domainMatches("evilagora.io", "agora.io", true)).toBe(false);
    expect(domainMatches("a.agora.io", "agora.io", false)).toBe(false);
    expect(domainMatches("agora.io", "agora.io", false)).toBe(true);
  });
});
