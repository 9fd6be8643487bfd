/**
 * Format: one line of text — the utsname sysctls under /proc/sys/kernel printed by
 * proc_do_uts_string() (kernel/utsname_sysctl.c, uts_kern_table): sys/kernel/ostype, osrelease,
 * version, hostname, domainname and arch, the fields of uname(2).
 * Sample: "Linux"
 *
 * One record `{ value }` with the line as written: an unset domain name is the kernel's "(none)",
 * an empty host name (sethostname("")) an empty value. hostname and domainname are those of the
 * reading process's UTS namespace, exactly what uname(2) returns to it. An empty file gives none.
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines, oneLine } from '../helpers';

export interface SysctlTextRecord {
  value: string;
}

export function parseSysctlText(text: string, file: string): SysctlTextRecord[] {
  const line = oneLine(new Lines(file, text));
  return line === undefined ? [] : [{ value: line }];
}

/** The handler of a one-line text sysctl; `name` is its path under /proc. */
export function sysctlTextHandler(name: string, summary: string): Handler<SysctlTextRecord> {
  return defineHandler<SysctlTextRecord>({ name, summary, parse: (text, file) => parseSysctlText(text, file ?? name) });
}
