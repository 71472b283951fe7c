import { tour } from './tour.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = `Usage: likelihood <command> [options]

Commands:
  demo [--json]   the tour of the source texts' examples, printed as R prints them

Run 'likelihood <command> --help' for a command's options.
`;

/** Runs the CLI with `argv` (without node and script); returns the exit code (0 ok, 1 fit error, 2 usage). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'demo') {
    const json = rest.includes('--json');
    const unknown = rest.filter((a) => a !== '--json');
    if (rest.includes('--help')) {
      io.stdout('Usage: likelihood demo [--json]\n\nExample: likelihood demo --json\n');
      return 0;
    }
    if (unknown.length > 0) {
      io.stderr(`likelihood demo: unknown option '${unknown[0]}'\n`);
      return 2;
    }
    const result = tour();
    io.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text);
    return 0;
  }
  io.stderr(`likelihood: unknown command '${command}'. Run 'likelihood --help'.\n`);
  return 2;
}
