import { type Command, helpText, parseCommandArgs } from './command.js';
import { anovaCommand } from './commands/anova.js';
import { demoCommand } from './commands/demo.js';
import { glmCommand } from './commands/glm.js';
import { lmCommand } from './commands/lm.js';
import { lmmCommand } from './commands/lmm.js';
import { mixtureCommand } from './commands/mixture.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export type { Io } from './io.js';

const commands: readonly Command[] = [
  glmCommand,
  lmCommand,
  anovaCommand,
  lmmCommand,
  mixtureCommand,
  demoCommand,
];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: likelihood <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'likelihood <command> --help' for a command's options and an example.",
    '',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without node and the script). Returns the exit code:
 * 0 on success, 1 on a fitting/data error, 2 on bad usage. Messages are one line, no stack.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`likelihood: unknown command '${name}'. Run 'likelihood --help' for the list.\n`);
    return 2;
  }
  try {
    const values = parseCommandArgs(cmd, [...rest]);
    if (values.help) {
      io.stdout(helpText(cmd));
      return 0;
    }
    await cmd.run(values, io);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UsageError) {
      io.stderr(`likelihood ${cmd.name}: ${message}. Run 'likelihood ${cmd.name} --help'.\n`);
      return 2;
    }
    io.stderr(`likelihood ${cmd.name}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
