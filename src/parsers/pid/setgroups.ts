/**
 * /proc/<pid>/setgroups — whether setgroups(2) is allowed in the user namespace.
 * Kernel: kernel/user_namespace.c, proc_setgroups_show(). Format: formats/single-value.ts.
 * Sample: "allow" or "deny"
 */
import { singleValueHandler } from '../formats/single-value';

export const setgroups = singleValueHandler('pid/setgroups', 'word', 'whether setgroups(2) is allowed in the user namespace');
