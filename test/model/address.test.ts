import {
  InputError, canonicalCidr, cidrContains, cidrCovers, cidrSortKey, collapseCidrs, formatDestination, parseDestination,
} from "../../src/model";

describe("canonicalCidr", () => {
  it.each([
    ["120.92.118.34", "120.92.118.34/32"], // a bare address is a /32
    ["120.92.118.34/32", "120.92.118.34/32"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["10.1.2.0/24", "10.1.2.0/24"],
    ["10.1.2.254/31", "10.1.2.254/31"],
    ["192.168.0.0/17", "192.168.0.0/17"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["255.255.255.255", "255.255.255.255/32"],
    [" 203.0.113.9 ", "203.0.113.9/32"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalCidr(input)).toBe(expected);
    expect(canonicalCidr(expected)).toBe(expected); // idempotent
  });

  it.each([
    ["203.0.113.10/2", "203.0.113.10/32", "192.0.0.0/2"],
    ["10.1.2.3/8", "10.1.2.3/32", "10.0.0.0/8"],
    ["10.1.2.255/31", "10.1.2.255/32", "10.1.2.254/31"],
    ["1.2.3.4/0", "1.2.3.4/32", "0.0.0.0/0"],
  ])("refuses %s (host bits set), naming the one address and the network", (input, one, network) => {
    expect(() => canonicalCidr(input, "productionProxy.endpoints[0].addresses[0]")).toThrow(new InputError(
      "productionProxy.endpoints[0].addresses[0]",
      `"${input}" has host bits set: write ${one} for that one address, or ${network} if you mean the whole network`,
    ));
  });

  it("names the caller's field when it refuses", () => {
    expect(() => canonicalCidr("1.2.3.4/33", "endpoints[2]")).toThrow(new InputError("endpoints[2]", '"1.2.3.4/33" has an invalid prefix length'));
  });

  it("parseDestination and formatDestination round-trip canonical forms", () => {
    for (const text of ["10.1.2.0/24", "120.92.118.34/32", ".agora.io", "qos.agoralab.co"]) {
      expect(formatDestination(parseDestination(text))).toBe(text);
    }
    expect(() => parseDestination("10.1.2.3/24", "customRules[0].destinations[0]")).toThrow(/customRules\[0\]\.destinations\[0\]: "10\.1\.2\.3\/24" has host bits set/);
  });
});

describe("CIDR relations", () => {
  it("cidrContains tests an address against a network", () => {
    expect(cidrContains("10.1.2.0/24", "10.1.2.200")).toBe(true);
    expect(cidrContains("10.1.2.0/24", "10.1.3.1")).toBe(false);
    expect(cidrContains("0.0.0.0/0", "203.0.113.9")).toBe(true);
    expect(cidrContains("120.92.118.34/32", "120.92.118.34")).toBe(true);
    expect(cidrContains("120.92.118.34/32", "120.92.118.35")).toBe(false);
  });

  it("cidrCovers tests a network against a network", () => {
    expect(cidrCovers("10.0.0.0/8", "10.1.0.0/16")).toBe(true);
    expect(cidrCovers("10.1.0.0/16", "10.0.0.0/8")).toBe(false);
    expect(cidrCovers("10.1.0.0/16", "10.1.0.0/16")).toBe(true);
    expect(cidrCovers("10.1.0.0/16", "10.2.0.0/16")).toBe(false);
  });

  it("cidrSortKey sorts numerically, not as text", () => {
    const sorted = ["10.0.0.0/8", "9.0.0.0/8", "120.92.18.162/32", "120.92.118.34/32", "47.74.211.17/32"]
      .sort((a, b) => cidrSortKey(a).localeCompare(cidrSortKey(b)));
    expect(sorted).toEqual(["9.0.0.0/8", "10.0.0.0/8", "47.74.211.17/32", "120.92.18.162/32", "120.92.118.34/32"]);
  });

  it("collapseCidrs drops networks inside others and duplicates, and sorts", () => {
    expect(collapseCidrs(["10.1.2.3/32", "10.1.0.0/16", "192.168.0.0/16", "10.1.0.0/16", "10.0.0.0/8", "9.9.9.9/32"]))
      .toEqual(["9.9.9.9/32", "10.0.0.0/8", "192.168.0.0/16"]);
  });
});
