/**
 * Benchmark of the process walker on this machine's /proc (not a test):
 *
 *   npx tsx bench/processes.ts [--files pid/stat,pid/status] [--threads] [--repeat 5] [--spawn 2000] [--procfs /proc]
 *
 * Reports processes (and threads) walked, time per walk and per process, the
 * per-file errors seen, and the event loop's worst delay during the walks
 * (what an exporter's /metrics would wait at most). `--spawn N` starts N idle
 * `sleep` children first, to see how the walk scales towards 10,000
 * processes; they are killed (by their own pids) at the end.
 */
import { spawn, type ChildProcess } from 'child_process';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { handlerPattern } from '../src/handler';
import { ProcFs } from '../src/procfs';
import { walkProcesses } from '../src/processes';
import { getHandler, handlerNames } from '../src/registry';

interface Args {
  files?: string[];
  threads: boolean;
  repeat: number;
  spawn: number;
  procfs: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { threads: false, repeat: 5, spawn: 0, procfs: '/proc' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--threads') args.threads = true;
    else if (a === '--files') args.files = argv[++i].split(',');
    else if (a === '--repeat') args.repeat = Number(argv[++i]);
    else if (a === '--spawn') args.spawn = Number(argv[++i]);
    else if (a === '--procfs') args.procfs = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/** Every registered per-process handler that reads one file (no folders, no refused files). */
function defaultFiles(): string[] {
  const wanted = ['pid/stat', 'pid/status', 'pid/statm', 'pid/io', 'pid/cmdline', 'pid/limits', 'pid/schedstat', 'pid/oom_score'];
  const single = handlerNames().filter((name) => {
    const h = getHandler(name)!;
    return name.startsWith('pid/') && h.refuse === undefined && !handlerPattern(h).includes('*');
  });
  const chosen = wanted.filter((name) => single.includes(name));
  return chosen.length > 0 ? chosen : single.slice(0, 5);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const files = args.files ?? defaultFiles();
  if (files.length === 0) throw new Error('no per-process handler is registered yet (use --files)');
  const children: ChildProcess[] = [];
  for (let i = 0; i < args.spawn; i++) children.push(spawn('sleep', ['600'], { stdio: 'ignore' }));
  try {
    const procfs = new ProcFs(args.procfs);
    console.log(`files: ${files.join(', ')}${args.threads ? ' (+ threads)' : ''}; spawned: ${args.spawn}`);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const perProcess: number[] = [];
    for (let run = 0; run < args.repeat; run++) {
      delay.enable();
      let processes = 0;
      let threads = 0;
      let errors = 0;
      const started = performance.now();
      for await (const record of walkProcesses({ procfs, files, threads: args.threads })) {
        if (record.tid === undefined) processes++;
        else threads++;
        if (record.errors !== undefined) {
          errors += Object.keys(record.errors).length;
          if (run === 0) for (const e of Object.values(record.errors)) console.log(`  error: ${e!.message.slice(0, 160)}`);
        }
      }
      const elapsed = performance.now() - started;
      delay.disable();
      const walked = processes + threads;
      perProcess.push((elapsed * 1000) / Math.max(walked, 1));
      console.log(
        `run ${run + 1}: ${processes} processes${args.threads ? `, ${threads} threads` : ''} in ${elapsed.toFixed(1)} ms` +
          ` = ${((elapsed * 1000) / Math.max(walked, 1)).toFixed(1)} µs each; ${errors} file errors`,
      );
    }
    perProcess.sort((a, b) => a - b);
    console.log(`median: ${perProcess[Math.floor(perProcess.length / 2)].toFixed(1)} µs per process (${files.length} files each)`);
    console.log(`event loop delay during walks: max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`);
  } finally {
    for (const child of children) child.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
