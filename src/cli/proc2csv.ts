/** proc2csv FILE [--as NAME] [--delimiter C]: records as delimited text. */
import { toCsv } from '../format/csv';
import { baseProgram, parseAll, runCommand } from './common';

export function main(argv: readonly string[]): void {
  const program = baseProgram('proc2csv', 'Print the records of /proc files as "|"-delimited CSV, with a header line before each change of columns.')
    .option('--delimiter <c>', 'column delimiter', '|');
  runCommand('proc2csv', program, argv, (files, options) => {
    const delimiter = options.delimiter as string;
    if (delimiter.length !== 1) throw new Error(`--delimiter must be one character, got ${JSON.stringify(delimiter)}`);
    const results = parseAll(files, options);
    process.stdout.write(results.map((r) => toCsv(r.records, delimiter)).join('\n'));
  });
}
