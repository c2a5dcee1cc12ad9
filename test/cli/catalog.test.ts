import { run } from "./run";

describe("catalog", () => {
  it("lists the edition, its four source documents and the six SDKs with cloud-proxy support", async () => {
    const r = await run(["catalog", "--format", "json"]);
    expect(r.code).toBe(0);
    const editions = JSON.parse(r.stdout).editions;
    expect(editions.map((e: { id: string; default: boolean }) => [e.id, e.default])).toEqual([["2020-05", false], ["2020-11", false], ["2026-02", true]]);
    const [edition] = editions;
    expect(edition).toMatchObject({ id: "2020-05", default: false, supersededBy: "2026-02" });
    expect(edition.documents.map((d: { id: string; revision: string; seed: boolean }) => [d.id, d.revision, d.seed])).toEqual([
      ["SEED-FW", "2020-05-25", true],
      ["SEED-CP", "2020-10-26", true],
      ["EXT:S3", "2020-05-28", false],
      ["EXT:S4", "2020-06-22", false],
    ]);
    const proxy = Object.fromEntries(edition.sdks.map((s: { id: string; cloudProxy: { minVersion: string } | null }) => [s.id, s.cloudProxy?.minVersion ?? null]));
    expect(proxy).toEqual({ "rtc-native": "2.4.0", "rtc-web": "2.5.1", "rtm-native": null, "rtm-web": null, recording: "3.0.0", gaming: null });
  });

  it("prints a readable table by default", async () => {
    const r = await run(["catalog"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Edition 2020-05 \(superseded by 2026-02\): /);
    expect(r.stdout).toMatch(/\nEdition 2026-02 \(default, newest\): /);
    expect(r.stdout).toMatch(/SEED-FW +2020-05-25 +Firewall Requirements +sources\/seeds\/000_a486dfa38fdccc8e\.txt +seed\n/);
    expect(r.stdout).toMatch(/recording +Agora On-premise Recording SDK +no +from 3\.0\.0 \(EXT:S4, outside the seeds\)\n/);
    expect(r.stdout).toMatch(/gaming +Agora Gaming SDK +no +no \(direct only\)\n/);
  });
});
