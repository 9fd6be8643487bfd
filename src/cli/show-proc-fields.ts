/** show-proc-fields FILE [--as NAME]: every field of every record, indented. */
import { toFieldListing } from '../format/fields';
import { baseProgram, parseAll, runCommand } from './common';

export function main(argv: readonly string[]): void {
  const program = baseProgram('show-proc-fields', 'Show every field of every record of /proc files, nested structures to any depth.');
  runCommand('show-proc-fields', program, argv, (files, options) => {
    const results = parseAll(files, options.as as string | undefined, 'show-proc-fields');
    process.stdout.write(results.map((r) => toFieldListing(r.source, r.handler, r.records)).join('\n'));
  });
}
