/**
 * /proc/<pid>/comm — the command name of the task (cut at 16 bytes, 64 for kernel workers; spaces kept).
 * Kernel: fs/proc/base.c, comm_show(). Format: formats/single-value.ts.
 * Sample: "python3"
 */
import { singleValueHandler } from '../formats/single-value';

export const comm = singleValueHandler('pid/comm', 'text', 'command name of the task');
