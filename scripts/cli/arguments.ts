// What every command does with its arguments: bad ones become one line (and exit 2) through `usageError`.

/** An error the dispatcher reports in one line, exiting 2. */
export function usageError(message: string): Error & { exitCode: number } {
  return Object.assign(new Error(message), { exitCode: 2 });
}

/** `parse()` (node:util's parseArgs), its complaint turned into a one-line usage error ending with `usageLine`. */
export function parsedOrUsage<T>(parse: () => T, usageLine: string): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'([^']+)'/.exec(message)?.[1] : undefined;
    throw usageError(`${unknown ? `unknown option ${unknown}` : message.split(/\.\s/)[0]!.replace(/\.$/, "")}. ${usageLine}`);
  }
}
