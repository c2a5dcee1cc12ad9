import { Command, CommanderError, Option } from "commander";
import { InputError } from "../model";
import { CliContext, processContext } from "./context";
import { CatalogFlags, catalogCommand } from "./commands/catalog";
import { CheckFlags, EXIT_DENIED, checkCommand } from "./commands/check";
import { DIFF_FORMATS, DiffFlags, diffCommand } from "./commands/diff";
import { PlanFlags, planCommand } from "./commands/plan";
import { RULES_FORMATS, RulesFlags, rulesCommand } from "./commands/rules";
import { summaryCommand } from "./commands/summary";
import { CLOUDS, SCOPES } from "./planners";
import { SelectionFlags, addSelectionOptions } from "./selection";
import { packageVersion } from "./version";

/** Exit codes: 0 ok (or `check`: allowed), 1 internal error, 2 bad input, 3 `check`: denied. */
export const EXIT = { ok: 0, internal: 1, badInput: 2, denied: EXIT_DENIED } as const;

const COMMANDS = ["rules", "check", "catalog", "summary", "plan", "diff"];

function buildProgram(ctx: CliContext, setCode: (code: number) => void): Command {
  const program = new Command("agora-egress")
    .description("Agora's firewall requirements as one rule model: allowlists, flow checks and cloud plans.")
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: () => undefined, outputError: () => undefined });
  const sub = (name: string, description: string) =>
    program.command(name).description(description).exitOverride()
      .configureOutput({ writeOut: ctx.stdout, writeErr: () => undefined, outputError: () => undefined });

  addSelectionOptions(sub("rules", "print the resolved allowlist"))
    .addOption(new Option("--format <format>", "md (Agora-style tables), jsonl (one allow rule per line), csv or json").choices([...RULES_FORMATS]).default("md"))
    .action((flags: RulesFlags) => setCode(rulesCommand(ctx, flags)));

  addSelectionOptions(sub("check", `is a flow allowed, and by which rule? exit 0 allowed, ${EXIT_DENIED} denied`))
    .addOption(new Option("--protocol <protocol>", "tcp or udp").choices(["tcp", "udp"]).makeOptionMandatory())
    .requiredOption("--port <n>", "remote port (egress) or local port (ingress)")
    .requiredOption("--dest <name-or-ip>", "the remote side: destination domain name or IPv4 address (egress), sender's IPv4 address (ingress)")
    .addOption(new Option("--direction <direction>", "egress or ingress").choices(["egress", "ingress"]).default("egress"))
    .option("--source-port <n>", "the workload's local port")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .action((flags: CheckFlags) => setCode(checkCommand(ctx, flags)));

  sub("catalog", "list catalogue editions, their source documents and SDKs")
    .option("--edition <id>", "only this edition")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .action((flags: CatalogFlags) => setCode(catalogCommand(ctx, flags)));

  addSelectionOptions(sub("summary", "validate a stack config and preview it (what `npm start` runs)"), "test")
    .action((flags: SelectionFlags) => setCode(summaryCommand(ctx, flags)));

  addSelectionOptions(sub("plan", "the resources the Pulumi components would create on one cloud"))
    .addOption(new Option("--cloud <cloud>", "aws or azure").choices([...CLOUDS]).makeOptionMandatory())
    .addOption(new Option("--scope <scope>", "network (the per-network components) or organization (Firewall Manager / Virtual Network Manager)")
      .choices([...SCOPES]).default("network"))
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .action((flags: PlanFlags) => setCode(planCommand(ctx, flags)));

  addSelectionOptions(sub("diff", "rule and resource changes between two stacks or two catalogue editions (exit 0 either way)"))
    .option("--from-stack <name>", "the side before: Pulumi.<name>.yaml (needs --to-stack, or --stack for the side after)")
    .option("--to-stack <name>", "the side after: Pulumi.<name>.yaml (needs --from-stack, or --stack for the side before)")
    .option("--from-edition <id>", "catalogue edition before (needs --to-edition, or --edition for the side after)")
    .option("--to-edition <id>", "catalogue edition after (needs --from-edition, or --edition for the side before)")
    .addOption(new Option("--format <format>", "md (for a pull-request comment) or json").choices([...DIFF_FORMATS]).default("md"))
    .addHelpText("after", [
      "",
      "Each side is the shared selection (--stack and the selection flags) with its own stack or edition;",
      "--stack and --edition serve a side that names none of its own (a side's edition is otherwise its stack's).",
      "--production-proxy FILE serves the side(s) that are cloud-proxy production.",
      "update: changed in place; replace: an input the provider cannot change in place changed.",
      "Exit 0 whether or not anything changes; 2 on bad input (naming the flag, file or stack key).",
    ].join("\n"))
    .action((flags: DiffFlags) => setCode(diffCommand(ctx, flags)));

  return program;
}

/** One line for a commander usage error: `<flag>: <problem>`. */
function usageLine(err: CommanderError): string {
  const message = err.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").trim();
  if (err.code === "commander.unknownCommand" || err.code === "commander.help") {
    const unknown = /unknown command '([^']*)'/.exec(message);
    return `command: ${unknown ? `unknown command '${unknown[1]}'` : "missing"} (commands: ${COMMANDS.join(", ")}; see --help)`;
  }
  if (err.code === "commander.excessArguments") return `arguments: ${message}`;
  const flag = /'(-{1,2}[A-Za-z][\w-]*)/.exec(message);
  if (!flag) return `arguments: ${message}`;
  const problem = message
    .replace(/^option '[^']*' /, "")
    .replace(/^required option '[^']*' not specified/, "is required")
    .replace(/^unknown option '[^']*'/, "unknown option");
  return `${flag[1]}: ${problem}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

/**
 * The `agora-egress` command line. Returns the exit code: 0 ok (`check`: allowed), 1 internal
 * error, 2 bad input (one line on stderr naming the field), 3 `check`: denied.
 */
export async function main(argv: string[], context: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = { ...processContext(), ...context };
  let code: number = EXIT.ok;
  const program = buildProgram(ctx, (c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      const helpAsked = err.code === "commander.help" && err.exitCode === 0; // `agora-egress help`
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || helpAsked) return EXIT.ok;
      ctx.stderr(`agora-egress: ${oneLine(usageLine(err))}\n`);
      return EXIT.badInput;
    }
    if (err instanceof InputError) {
      ctx.stderr(`agora-egress: ${oneLine(err.message)}\n`);
      return EXIT.badInput;
    }
    const detail = err instanceof Error ? err.stack ?? err.message : String(err);
    ctx.stderr(`agora-egress: internal error: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    if (process.env.AGORA_EGRESS_DEBUG) ctx.stderr(`${detail}\n`);
    return EXIT.internal;
  }
}

/**
 * What the `agora-egress` bin runs: the command line on this process's arguments and streams,
 * its exit code as the process's. A reader that closes stdout early (`| head -1`) ends the
 * output quietly, without changing the exit code (see `processContext`).
 */
export async function run(argv: string[]): Promise<void> {
  process.exitCode = await main(argv);
}
