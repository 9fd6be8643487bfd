/**
 * /proc/latency_stats — LatencyTOP: where tasks waited, by backtrace (Linux 3.2; CONFIG_LATENCYTOP).
 * Kernel: kernel/latencytop.c, lstats_show(). Format: formats/latencytop.ts.
 * Sample: "35 15406 4787 poll_schedule_timeout do_select core_sys_select sys_select system_call_fastpath"
 *
 * Only the Linux 3.2 fixture exists: the file is gone from the kernels this machine runs.
 */
import { latencyTopHandler } from './formats/latencytop';

export const latencyStats = latencyTopHandler('latency_stats', 'LatencyTOP wait statistics by backtrace (Linux < 6)');
