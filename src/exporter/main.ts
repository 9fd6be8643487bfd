/**
 * Entry point of `npm start` and bin/proc-exporter.js: runs the exporter command
 * with the collectors of collectors/index.ts. The one module that joins the
 * framework and the collectors: the framework is handed the catalog, it never
 * imports the collectors.
 */
// First: the V8 memory settings must be in place before the rest is compiled and allocates.
import './memory-settings';
import { catalog } from '../../collectors/index';
import { main } from './cli';

main(process.argv.slice(2), catalog).catch((error: unknown) => {
  process.stderr.write(`proc-exporter: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 2;
});
