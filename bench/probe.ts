/**
 * Preloaded (`node --require`) into the exporter child process the benchmark
 * starts: answers the benchmark over the IPC channel with the exporter's own
 * event-loop delay (perf_hooks, since the last reset), heap used after a
 * forced GC (needs --expose-gc) and CPU time. Nothing else of the exporter changes.
 */
import { monitorEventLoopDelay } from 'perf_hooks';

export interface ProbeReport {
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  rssBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

if (process.send !== undefined) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('message', (message: { cmd?: string }) => {
    if (message?.cmd === 'reset') {
      delay.reset();
      process.send!({ reset: true });
    } else if (message?.cmd === 'report') {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) gc();
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      const report: ProbeReport = {
        eventLoopMaxMs: delay.max / 1e6,
        eventLoopP99Ms: delay.percentile(99) / 1e6,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        externalBytes: memory.external,
        rssBytes: memory.rss,
        cpuUserMs: cpu.user / 1000,
        cpuSystemMs: cpu.system / 1000,
      };
      process.send!({ report });
    }
  });
  // The IPC channel must not keep the exporter alive after SIGTERM closes its server.
  process.channel?.unref();
}
