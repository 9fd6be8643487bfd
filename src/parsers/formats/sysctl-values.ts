/**
 * Format: any /proc/sys file read as a sysctl value: the sysctl collector's input,
 * the files the user names (`net.ipv4.tcp_rmem` is /proc/sys/net/ipv4/tcp_rmem).
 * Kernel: kernel/sysctl.c, proc_dointvec() and friends (numbers separated by tabs, a newline
 *   at the end), proc_dostring() (one line of text).
 * Sample: "4096\t131072\t6291456"
 *
 * No handler: the files are chosen by the user, not known in advance. The
 * values are the whitespace-separated fields of the whole file, as
 * prometheus/procfs's SysctlStrings() reads them; as integers, each field is
 * read the way procfs's SysctlInts() does (goIntegerOf of helpers.ts: Go's
 * strconv.ParseInt with base 0), and anything else is an error naming the field.
 */
import { fields, goIntegerOf, Lines } from '../helpers';

/** `net.ipv4.tcp_rmem` → `sys/net/ipv4/tcp_rmem`, the file under the procfs root. */
export function sysctlPath(name: string): string {
  return `sys/${name.replace(/\./g, '/')}`;
}

/** The whitespace-separated values of the file, every line together. */
export function sysctlStrings(text: string): string[] {
  return text.split('\n').flatMap((line) => fields(line));
}

/** The values as integers; a field that is not one fails with the file, its line and its position. */
export function sysctlInts(text: string, file: string): number[] {
  const src: Lines = new Lines(file, text);
  const values: number[] = [];
  for (let i = 0; i < src.length; i++) {
    for (const field of fields(src.lines[i])) {
      const value = goIntegerOf(field);
      if (value === undefined) src.fail(i, `field ${values.length} is not a valid int (${JSON.stringify(field)})`);
      values.push(value);
    }
  }
  return values;
}
