/** Entry point of `npm start` and bin/proc-exporter.js: runs the exporter command. */
import { main } from './cli';

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`proc-exporter: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  process.exitCode = 2;
});
