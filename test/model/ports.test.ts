import {
  ALL_PORTS, formatPortRange, mergePortRanges, parsePortRange, portCount, portInRanges, portRangesKey, rangesCover,
} from "../../src/model";

const r = (from: number, to = from) => ({ from, to });

describe("mergePortRanges", () => {
  it.each([
    ["adjacent single ports", [r(8000), r(8001)], [r(8000, 8001)]],
    ["adjacent ranges", [r(4000, 4010), r(4011, 4030)], [r(4000, 4030)]],
    ["overlapping ranges", [r(4000, 4020), r(4010, 4030)], [r(4000, 4030)]],
    ["a range inside another", [r(5866, 6000), r(5900, 5910)], [r(5866, 6000)]],
    ["duplicates", [r(443), r(443), r(443)], [r(443)]],
    ["unsorted input", [r(9700), r(1080), r(8000), r(25000)], [r(1080), r(8000), r(9700), r(25000)]],
    ["a gap of one port stays a gap", [r(10, 20), r(22, 30)], [r(10, 20), r(22, 30)]],
    ["chains of adjacency", [r(5), r(3), r(4), r(1, 2)], [r(1, 5)]],
    ["the whole range swallows everything", [r(443), ALL_PORTS, r(65535)], [r(1, 65535)]],
    ["empty", [], []],
  ])("%s", (_label, input, expected) => {
    expect(mergePortRanges(input)).toEqual(expected);
  });

  it("does not modify its input", () => {
    const input = [r(20, 30), r(10, 25)];
    mergePortRanges(input);
    expect(input).toEqual([r(20, 30), r(10, 25)]);
  });
});

describe("port range helpers", () => {
  it("parsePortRange reads Agora's notation", () => {
    expect(parsePortRange("8000")).toEqual(r(8000));
    expect(parsePortRange(8000)).toEqual(r(8000));
    expect(parsePortRange("5866 - 6000")).toEqual(r(5866, 6000));
    expect(parsePortRange(" 4000-4030 ")).toEqual(r(4000, 4030));
    expect(parsePortRange("1-65535")).toEqual(ALL_PORTS);
  });

  it("formatPortRange writes a single port without a dash", () => {
    expect(formatPortRange(r(443))).toBe("443");
    expect(formatPortRange(r(4000, 4030))).toBe("4000-4030");
    expect(formatPortRange(r(4000, 4030), " to ")).toBe("4000 to 4030");
  });

  it("portInRanges includes both ends", () => {
    const ranges = [r(4000, 4030), r(8000)];
    expect([3999, 4000, 4030, 4031, 7999, 8000, 8001].map((p) => portInRanges(p, ranges)))
      .toEqual([false, true, true, false, false, true, false]);
  });

  it("rangesCover merges the outer ranges first", () => {
    expect(rangesCover([r(4000, 4010), r(4011, 4030)], [r(4005, 4020)])).toBe(true);
    expect(rangesCover([r(4000, 4010), r(4012, 4030)], [r(4005, 4020)])).toBe(false);
    expect(rangesCover([r(1, 10)], [])).toBe(true);
  });

  it("portCount counts overlapping ports once", () => {
    expect(portCount([r(40000, 41000)])).toBe(1001);
    expect(portCount([r(1, 10), r(5, 15)])).toBe(15);
  });

  it("portRangesKey is the same for equal sets of ports, and 'any' for none given", () => {
    expect(portRangesKey([r(8001, 8010), r(8000)])).toBe(portRangesKey([r(8000, 8010)]));
    expect(portRangesKey([r(8000, 8010)])).toBe("8000-8010");
    expect(portRangesKey(undefined)).toBe("any");
  });
});
