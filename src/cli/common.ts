/**
 * What the three commands share: option parsing (commander), `--list`,
 * `--version`, reading files or standard input, the note on stderr for a file
 * that could not be read (exit status 0 and no records, as PyProc), and the
 * error rule — one line on stderr naming the file, exit status 2, never a
 * stack trace. With `--keep-going` a line the parser rejects costs its record
 * (where the handler allows it, see RECOVERY in src/parse.ts): the other
 * records are printed, each rejected line is one line on stderr, and the exit
 * status is 1.
 */
import { Command, CommanderError } from 'commander';
import { parseFile, parseText, type ParseOptions, type ParseResult } from '../parse';
import { readStandardInput } from '../procfs';
import { handlerNames, handlers } from '../registry';
import { versionText } from '../version';

export const EXIT_FAILURE = 2;
/** `--keep-going` printed records but left some out. */
export const EXIT_RECORDS_LEFT_OUT = 1;

export interface CommonOptions {
  as?: string;
  list?: boolean;
  version?: boolean;
}

export function listing(): string {
  const names = handlerNames();
  const width = Math.max(...names.map((n) => n.length));
  return names.map((name) => `${name.padEnd(width)}  ${handlers[name].summary}`).join('\n') + '\n';
}

/** A commander program with the options all three commands take. */
export function baseProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .argument('[files...]', 'files to parse (any path: the handler is chosen from the file name); - reads standard input')
    .option('--as <name>', 'parse with this handler instead of the one the file name implies')
    .option('--list', 'list every handler name and exit')
    .option('--keep-going', 'print the records that parse and each rejected line on stderr (exit status 1 when lines were rejected)')
    .option('--version', 'print the version, revision and build date, and exit')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError(false);
}

/**
 * Parses each named file (or standard input for `-`), with the command's `--as` and `--keep-going`.
 * A file that is there but could not be read (permission denied, …) gives no records and a note on
 * stderr: `proc2json: /proc/slabinfo: could not be read (permission denied): no records`.
 */
export function parseAll(files: readonly string[], options: Record<string, unknown>): ParseResult[] {
  const as = options.as as string | undefined;
  const name = String(options.command);
  const parsing: ParseOptions = {};
  if (options.keepGoing === true) {
    parsing.keepGoing = (skipped) => {
      process.stderr.write(`${name}: ${skipped.message}\n`);
      process.exitCode = EXIT_RECORDS_LEFT_OUT;
    };
  }
  return files.map((file) => {
    if (file === '-') {
      if (as === undefined) throw new Error('-: standard input needs --as NAME');
      return parseText(readStandardInput(), as, '-', parsing);
    }
    return parseFile(file, as, {
      ...parsing,
      onUnreadable: (reason) => process.stderr.write(`${name}: ${file}: could not be read (${reason}): no records\n`),
    });
  });
}

/**
 * Runs a command body with the error rule applied: any failure becomes one
 * line `name: message` on stderr and exit status 2.
 */
export function runCommand(
  name: string,
  program: Command,
  argv: readonly string[],
  body: (files: string[], options: Record<string, unknown>) => void,
): void {
  // Output piped into `head` that closes early is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(EXIT_FAILURE);
  });
  try {
    program.parse(argv, { from: 'user' });
    const options: Record<string, unknown> = { ...program.opts(), command: name };
    if (options.version) {
      process.stdout.write(`${versionText(name)}\n`);
      return;
    }
    if (options.list) {
      process.stdout.write(listing());
      return;
    }
    const files = program.args;
    if (files.length === 0) throw new Error('no file given (try --help)');
    body(files, options);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return;
      process.stderr.write(`${name}: ${error.message.replace(/^error: /, '')}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
    }
    process.exitCode = EXIT_FAILURE;
  }
}
