/** proc2csv FILE [--as NAME] [--delimiter C]: records as delimited text. */
import { toCsv } from '../format/csv';
import { RECORD_KINDS } from '../format/table';
import { baseProgram, parseAll, runCommand } from './common';

export function main(argv: readonly string[]): void {
  const program = baseProgram(
    'proc2csv',
    'Print the records of /proc files as "|"-delimited CSV: one header per file, the union of its records\' fields (absent ones empty); ' +
      `files whose records are of different kinds (${Object.keys(RECORD_KINDS).join(', ')}) get a header per kind.`,
  ).option('--delimiter <c>', 'column delimiter', '|');
  runCommand('proc2csv', program, argv, (files, options) => {
    const delimiter = options.delimiter as string;
    if (delimiter.length !== 1) throw new Error(`--delimiter must be one character, got ${JSON.stringify(delimiter)}`);
    const results = parseAll(files, options);
    process.stdout.write(results.map((r) => toCsv(r.records, delimiter, r.handler)).join('\n'));
  });
}
