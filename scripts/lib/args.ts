/** Minimal argument parsing for the planner commands: positionals, `--name value`, `--flag`. */
export function parseArgs(argv: readonly string[], spec: { usage: string; values?: string[]; flags?: string[] }) {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const fail = (message: string): never => {
    console.error(`${message}\nAufruf: ${spec.usage}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (spec.values?.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`--${name} braucht einen Wert`);
      values[name] = v!;
    } else if (spec.flags?.includes(name)) flags.add(name);
    else fail(`unbekannte Option --${name}`);
  }
  return { positional, values, flags, fail };
}
