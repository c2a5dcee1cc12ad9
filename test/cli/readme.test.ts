import * as fs from "fs";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { REPO, run } from "./run";

/**
 * The `$ npx agora-egress …` examples of README.md's console blocks, with the output pasted under each.
 * They run with the real AWS and Azure planners, as the built CLI does.
 */
function readmeExamples(): { command: string; expected: string }[] {
  const text = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const examples: { command: string; expected: string }[] = [];
  for (const block of text.matchAll(/^(`{3,})console\n([\s\S]*?)^\1$/gm)) {
    let current: { command: string; lines: string[] } | undefined;
    for (const line of block[2].replace(/\n$/, "").split("\n")) {
      if (line.startsWith("$ ")) {
        if (current) examples.push({ command: current.command, expected: current.lines.join("\n") });
        current = { command: line.slice(2), lines: [] };
      } else current?.lines.push(line);
    }
    if (current) examples.push({ command: current.command, expected: current.lines.join("\n") });
  }
  return examples;
}

describe("README.md shows real output", () => {
  const examples = readmeExamples();

  it("has the examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e) => [e.command, e.expected]))("%s", async (command, expected) => {
    const [cli, pipe] = command.split(" | ");
    const words = cli.split(" ");
    expect(words.slice(0, 2)).toEqual(["npx", "agora-egress"]);
    const r = await run(words.slice(2), { planners });
    let output = (r.stdout + r.stderr).replace(/\n$/, "");
    if (pipe) {
      const head = /^head -(\d+)$/.exec(pipe);
      expect(head).not.toBeNull();
      output = output.split("\n").slice(0, Number(head![1])).join("\n");
    }
    expect(output).toBe(expected);
  });

  it("pastes the current `npm start` summary", async () => {
    const text = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const pasted = /^```text\n(Stack test[\s\S]*?)^```$/m.exec(text);
    expect(pasted).not.toBeNull();
    const r = await run(["summary", "--stack", "test"], { planners });
    expect(r.stdout).toBe(pasted![1]);
  });
});
