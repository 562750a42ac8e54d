// `npm run factdesk -- <command> [arguments]`: Factdesk's command line.
//
// Each command is a module in scripts/cli/ exporting `run(args: string[]): Promise<void>`, loaded only when
// it is called. A command reports bad input by throwing an Error with `exitCode: 2` (see `usageError` in a
// command module); the dispatcher prints one line, `factdesk <command>: <message>`, and exits with that code.
// Any other error exits 1.
//
// Adding a command: one entry in `commands`.
type CommandModule = { run: (args: string[]) => Promise<void> };
type Command = { usage: string; load: () => Promise<CommandModule> };

export const commands: Record<string, Command> = {
  suggest: {
    usage: "suggest [FILE|-] [--lang id|en|auto] [--min-score N]   claim suggestions for a text, as JSON",
    load: () => import("./cli/suggest.ts"),
  },
  import: {
    usage: "import FILE|URL [--as EMAIL]                              import an article into the configured database",
    load: () => import("./cli/import.ts"),
  },
  match: {
    usage: 'match "TEXT"|- [--lang id|en|auto] [--limit N]         known fact-checks the claim may repeat, as JSON',
    load: () => import("./cli/match.ts"),
  },
};

function usage(): string {
  const lines = Object.values(commands).map((command) => `  factdesk ${command.usage}`);
  return `Usage: npm run factdesk -- <command> [arguments]\n${lines.join("\n")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? console.error : console.log)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`factdesk: unknown command "${name}" (commands: ${Object.keys(commands).join(", ")}).`);
    return 2;
  }
  try {
    await (await command.load()).run(args);
    return 0;
  } catch (error) {
    const exitCode = typeof (error as { exitCode?: unknown })?.exitCode === "number" ? (error as { exitCode: number }).exitCode : 1;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`factdesk ${name}: ${exitCode === 1 && error instanceof Error && error.stack ? error.stack : message}`);
    return exitCode;
  }
}

process.exitCode = await main(process.argv.slice(2));
