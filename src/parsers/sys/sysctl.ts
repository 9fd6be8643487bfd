/**
 * Any /proc/sys file read as a sysctl value: the sysctl collector's input,
 * the files the user names (`net.ipv4.tcp_rmem` is /proc/sys/net/ipv4/tcp_rmem).
 * Kernel: kernel/sysctl.c, proc_dointvec() and friends (numbers separated by tabs, a newline
 *   at the end), proc_dostring() (one line of text).
 * Sample: "4096\t131072\t6291456"
 *
 * No handler: the files are chosen by the user, not known in advance. The
 * values are the whitespace-separated fields of the whole file, as
 * prometheus/procfs's SysctlStrings() reads them; as integers, each field is
 * read the way procfs's SysctlInts() does (Go's strconv.ParseInt with base
 * 0: `0x` hexadecimal, `0o` or a leading `0` octal, `0b` binary, `_`
 * between digits), and anything else is an error naming the field.
 */
import { fields, Lines } from '../helpers';

/** `net.ipv4.tcp_rmem` → `sys/net/ipv4/tcp_rmem`, the file under the procfs root. */
export function sysctlPath(name: string): string {
  return `sys/${name.replace(/\./g, '/')}`;
}

/** The whitespace-separated values of the file, every line together. */
export function sysctlStrings(text: string): string[] {
  return text.split('\n').flatMap((line) => fields(line));
}

const INT64_MAX = (1n << 63n) - 1n;

/** One field as Go's strconv.ParseInt(field, 0, 64) reads it; undefined when it does not. */
export function parseGoInt(field: string): number | undefined {
  const sign = field.startsWith('-') ? -1n : 1n;
  let digits = field.startsWith('-') || field.startsWith('+') ? field.slice(1) : field;
  let base = 10;
  let prefixed = false;
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') {
    base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : 2;
    digits = digits.slice(2);
    prefixed = true;
  } else if (digits.length > 1 && digits.startsWith('0')) {
    base = 8;
    digits = digits.slice(1);
    prefixed = true;
  }
  const digit = base === 16 ? '[0-9a-fA-F]' : base === 8 ? '[0-7]' : base === 2 ? '[01]' : '[0-9]';
  // Underscores only between digits, or right after a base prefix.
  if (!new RegExp(`^${prefixed ? '_?' : ''}${digit}+(_${digit}+)*$`).test(digits)) return undefined;
  const magnitude = BigInt(`${base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''}${digits.replace(/_/g, '')}`);
  const value = sign * magnitude;
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return undefined;
  return Number(value);
}

/** The values as integers; a field that is not one fails with the file, its line and its position. */
export function sysctlInts(text: string, file: string): number[] {
  const src: Lines = new Lines(file, text);
  const values: number[] = [];
  for (let i = 0; i < src.length; i++) {
    for (const field of fields(src.lines[i])) {
      const value = parseGoInt(field);
      if (value === undefined) src.fail(i, `field ${values.length} is not a valid int (${JSON.stringify(field)})`);
      values.push(value);
    }
  }
  return values;
}
