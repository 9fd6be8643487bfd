/**
 * /proc/<pid>/latency — LatencyTOP records of the task (CONFIG_LATENCYTOP).
 * Kernel: fs/proc/base.c, lstats_show_proc(). Format: formats/latencytop.ts.
 * Sample: "9 134 22 futex_wait_queue_me futex_wait do_futex sys_futex system_call_fastpath"
 *
 * Absent on this machine (no LATENCYTOP); the Linux 3.2 corpus has one.
 */
import { latencyTopHandler } from '../formats/latencytop';

export const latency = latencyTopHandler('pid/latency', 'LatencyTop: count, total and maximum latency (us) per backtrace');
