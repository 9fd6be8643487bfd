/**
 * The V8 memory settings the exporter gives itself, imported first by main.ts so
 * that every way of starting it gets them (`npm start`, bin/proc-exporter.js
 * run directly or as `node bin/…`, `npx proc-exporter`, the image), not only
 * those whose command line carries node flags.
 *
 * `--max-semi-space-size` and `--max-old-space-size` are read once, when the
 * heap is set up: passed to v8.setFlagsFromString they change nothing (measured:
 * the young generation still grows to 32 MB). What those flags do for RSS is
 * done by two flags V8 reads each time it sizes the heap, which do take effect
 * at run time (same 1 MB young generation and old-space growth as the command
 * line flags; `npm run bench`, start paths):
 * - `--semi-space-growth-factor=1`: the young generation keeps its initial
 *   1 MB semi-spaces instead of doubling up to 16 MB each under load;
 * - `--heap-growing-percent=30`: the old generation grows by 30 % over what a
 *   collection kept (V8's factor for a 256 MB heap) instead of up to 4×.
 * V8 resets a semi-space growth factor below 2 whenever it sets up an isolate,
 * so a worker thread (the filesystem collector's statfs pool) undoes it: it is
 * given again once each worker runs (measured: without that, 32 MB of young
 * generation and 117 MB RSS after a burst of load; with it, 2 MB and 88 MB).
 * Flags given on the command line or in NODE_OPTIONS for the same thing win.
 * The hard cap of `--max-old-space-size=256` (`npm start`, the image) can
 * only come from the command line.
 *
 * Code: `--no-opt --no-sparkplug` leave the exporter's JavaScript to V8's
 * interpreter, without its optimizing and baseline compilers, whose code and
 * compilation memory cost ~14 MB of RSS here. The exporter runs the same few
 * functions once per cycle and once per scrape: measured side by side, 1 s
 * cycles for 60 s and 2,000 scrapes, RSS 87.5 → 72.8 MB for a cycle CPU of
 * 48.5 → 52.5 ms/s (+8 %) and the same CPU per scrape (0.92 / 0.87 ms). At
 * the real cadence, one cycle and one scrape every 15 s for 90 s, the
 * interpreter is also the cheaper: 5.8 against 8.0 ms/s with the compilers,
 * whose work a cycle every 15 s never repays.
 * `--opt` or `--sparkplug` on the command line or in NODE_OPTIONS keep them.
 *
 * `--no-memory-reducer`: V8's memory reducer starts full, concurrently marked
 * collections a few seconds after allocation stops, to give memory back; with
 * a cycle every 15 s it does so after every cycle. Measured side by side, 15 s
 * cycles and scrapes for 90 s, twice: 4.99/4.95 → 3.62/3.45 ms/s of CPU (−29 %)
 * for 66 → 70 MB of RSS. V8 reads it when it sets up the heap: given here it
 * only half works (4.43 ms/s), so `npm start`, the image's entry point and
 * bin/proc-exporter.js's `#!/usr/bin/env -S node --no-memory-reducer` give it
 * on the command line (NODE_OPTIONS does not accept it); this covers
 * `node bin/proc-exporter.js` and other starts. `--memory-reducer` keeps it.
 */
import { setFlagsFromString } from 'v8';

const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((flag) => flag.replace(/_/g, '-'));
const isGiven = (...names: string[]): boolean => given.some((flag) => names.some((name) => flag === name || flag.startsWith(`${name}=`)));

if (!isGiven('--max-semi-space-size', '--semi-space-growth-factor', '--max-heap-size')) {
  const keepYoungGenerationSmall = (): void => setFlagsFromString('--semi-space-growth-factor=1');
  keepYoungGenerationSmall();
  process.on('worker', (worker) => worker.once('online', keepYoungGenerationSmall));
}
if (!isGiven('--max-old-space-size', '--heap-growing-percent', '--max-heap-size')) setFlagsFromString('--heap-growing-percent=30');
if (!isGiven('--memory-reducer', '--no-memory-reducer')) setFlagsFromString('--no-memory-reducer');
if (!isGiven('--opt', '--no-opt')) setFlagsFromString('--no-opt');
if (!isGiven('--sparkplug', '--no-sparkplug')) setFlagsFromString('--no-sparkplug');
