/** proc2json FILE… [--as NAME]: records as JSON. */
import { baseProgram, parseAll, runCommand } from './common';

export function main(argv: readonly string[]): void {
  const program = baseProgram(
    'proc2json',
    'Print the records of /proc files as JSON: {"source", "handler", "records"} per file, an array when several files are given.',
  ).option('--compact', 'one line, no indentation');
  runCommand('proc2json', program, argv, (files, options) => {
    const results = parseAll(files, options);
    const value = results.length === 1 ? results[0] : results;
    process.stdout.write(`${JSON.stringify(value, null, options.compact ? undefined : 2)}\n`);
  });
}
