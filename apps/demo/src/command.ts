import { parseArgs } from 'node:util';
import type { Io } from './io.js';
import { UsageError } from './errors.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly description: string;
  readonly placeholder?: string;
}

/** One CLI command: its options, its help text, and what it runs. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly example: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  run(values: ParsedValues, io: Io): Promise<void> | void;
}

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** Parses `argv` strictly against the command's options (+ `--help`, `--json`). */
export function parseCommandArgs(cmd: Command, argv: string[]): ParsedValues {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    help: { type: 'boolean' },
  };
  for (const [name, spec] of Object.entries(cmd.options)) {
    options[name] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument '${positionals[0]}'`);
    }
    return values as ParsedValues;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    // node's messages are long and mention `node`; keep the essential part.
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}'`);
    const missing = /Option '([^']+)' argument missing/.exec(msg);
    if (missing)
      throw new UsageError(`option '${missing[1].split(',').pop()!.trim()}' needs a value`);
    throw new UsageError(msg.split('\n')[0]!);
  }
}

/** The `--help` text of a command. */
export function helpText(cmd: Command): string {
  const lines = [`Usage: ${cmd.usage}`, '', cmd.summary, '', 'Options:'];
  const width = Math.max(
    ...Object.entries(cmd.options).map(
      ([n, s]) => n.length + (s.placeholder ? s.placeholder.length + 1 : 0),
    ),
    4,
  );
  for (const [name, spec] of Object.entries(cmd.options)) {
    const left = spec.placeholder ? `${name} ${spec.placeholder}` : name;
    lines.push(`  --${left.padEnd(width)}  ${spec.description}`);
  }
  lines.push(`  --${'help'.padEnd(width)}  show this help`);
  lines.push('', 'Example:', `  ${cmd.example}`, '');
  return lines.join('\n');
}

/** The value of a string option, or a usage error naming it when required and absent. */
export function requireString(values: ParsedValues, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0)
    throw new UsageError(`missing required option --${name}`);
  return v;
}
