import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { run } from "../cli/run";
import { REPO } from "./helpers";

const EXAMPLE = path.join(REPO, "examples", "promotion-pipeline");
const WORKFLOW = path.join(EXAMPLE, ".github", "workflows", "agora-egress.yml");

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow { on: Record<string, { branches?: string[] } | null>; jobs: Record<string, { steps: Step[]; needs?: string }> }

const workflow = parse(fs.readFileSync(WORKFLOW, "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
/** Every shell command line the workflow runs (`\` continuations joined). */
const commands = steps.flatMap((s) => (s.run ?? "").replace(/\\\n\s*/g, " ").split("\n").map((l) => l.trim()).filter(Boolean));
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** The `--flags` of a command line, without their values. */
const flagsOf = (line: string) => [...line.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((m) => m[1]);

describe("examples/promotion-pipeline: the workflow", () => {
  it("parses, runs on pull requests and on pushes to main, and every step runs or uses something", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on.push?.branches).toEqual(["main"]);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(typeof s.run === "string" || typeof s.uses === "string").toBe(true);
    expect(workflow.jobs.promote.needs).toBe("deploy-test");
  });

  it("calls only npm scripts that package.json has", () => {
    const npm = commands.filter((c) => c.startsWith("npm "));
    expect(npm.length).toBeGreaterThan(0);
    for (const c of npm) {
      const script = /^npm (?:run (\S+)|(start|test))\b/.exec(c);
      if (c === "npm ci") continue;
      expect(script).not.toBeNull();
      expect(Object.keys(scripts)).toContain(script![1] ?? script![2]);
    }
    expect(scripts.start).toMatch(/node bin\/agora-egress\.js summary\b/);
  });

  it("calls only agora-egress commands and flags the CLI has (npm start runs `summary`)", async () => {
    const cli = commands.flatMap((c) => {
      const npx = /^npx agora-egress (\S+)(.*)$/.exec(c);
      if (npx) return [{ command: npx[1], flags: flagsOf(npx[2]) }];
      const start = /^npm start -- (.*)$/.exec(c);
      return start ? [{ command: "summary", flags: flagsOf(start[1]) }] : [];
    });
    expect(cli.map((c) => c.command)).toEqual(expect.arrayContaining(["diff", "summary"]));
    for (const { command, flags } of cli) {
      const help = await run([command, "--help"]);
      expect([command, help.code]).toEqual([command, 0]);
      for (const flag of flags) expect([command, help.stdout.includes(`${flag} `) || help.stdout.includes(`${flag},`)]).toEqual([command, true]);
    }
  });

  it("documents every secret it uses in the example's README", () => {
    const text = fs.readFileSync(WORKFLOW, "utf8");
    const secrets = [...new Set([...text.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]))].sort();
    expect(secrets).toEqual(["AGORA_PRODUCTION_PROXY", "AWS_ROLE_ARN", "AZURE_CLIENT_ID", "AZURE_SUBSCRIPTION_ID", "AZURE_TENANT_ID", "PULUMI_ACCESS_TOKEN"]);
    const readme = fs.readFileSync(path.join(EXAMPLE, "README.md"), "utf8");
    for (const s of secrets) expect(readme).toMatch(new RegExp(`^\\| (\`[A-Z_]+\`, )*\`${s}\``, "m"));
    expect(readme).toContain("```mermaid");
  });
});
