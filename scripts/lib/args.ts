/**
 * The command-line arguments of the npm commands, read with node:util's parseArgs (strict: an
 * unknown option or a missing value stops with the usage line and exit code 2, in German).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Config = Omit<ParseArgsConfig, 'args' | 'strict'>;

const messages: Record<string, (raw: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (raw) => `unbekannte Option ${raw.match(/'([^']+)'/)?.[1] ?? ''}`.trim(),
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (raw) => `Option ${raw.match(/--[\w-]+/)?.[0] ?? ''} braucht einen Wert`,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (raw) => `unerwartetes Argument ${raw.match(/'([^']+)'/)?.[1] ?? ''}`.trim(),
};

/** `usage` is printed after every error ("npm run export -- <Jahr> [--out <Ordner>]"). */
export function commandArgs<T extends Config>(usage: string, config: T, argv: string[] = process.argv.slice(2)) {
  const fail = (message: string): never => {
    console.error(`${message}\nAufruf: ${usage}`);
    process.exit(2);
  };
  try {
    return { ...parseArgs({ ...config, args: argv, strict: true }), fail };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return fail(code && messages[code] ? messages[code](message) : message);
  }
}
