/**
 * Format: the mount table as fstab(5) lines, shared by /proc/mounts and
 * /proc/<pid>/mounts (/proc/mounts is a link to self/mounts). The octal
 * escapes and the option list are also those of pid/mountinfo and pid/mountstats.
 * Kernel: fs/proc_namespace.c, show_vfsmnt().
 * Sample: "/dev/vda / ext4 rw,relatime,discard 0 0"
 *
 * The kernel escapes space, tab, newline and backslash in the device and the
 * mount point (mangle(), seq_path()) and `,= \t\n\\` in option values
 * (seq_show_option()) as three-digit octal `\040`; they are decoded here.
 * Options become an object: `rw` → `{rw: true}`, `size=10k` → `{size: '10k'}`
 * (values as written: `mode=755` is octal, so text).
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';

export interface MountsRecord {
  device: string;
  mount_point: string;
  fstype: string;
  options: MountOptions;
  /** fstab's fs_freq and fs_passno: the kernel always prints 0 0. */
  dump: number;
  pass: number;
}

/** Mount options keyed by name; a flag without `=` is `true`. */
export type MountOptions = Record<string, string | true>;

function isOctalDigit(code: number): boolean {
  return code >= 48 && code <= 55;
}

/** Decodes the kernel's `\ooo` octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash). */
export function decodeOctalEscapes(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('\\', i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    if (isOctalDigit(text.charCodeAt(at + 1)) && isOctalDigit(text.charCodeAt(at + 2)) && isOctalDigit(text.charCodeAt(at + 3))) {
      out += text.slice(i, at) + String.fromCharCode(Number.parseInt(text.slice(at + 1, at + 4), 8));
      i = at + 4;
    } else {
      out += text.slice(i, at + 1);
      i = at + 1;
    }
  }
  return out;
}

/** `rw,nosuid,size=10k` → `{rw: true, nosuid: true, size: '10k'}`, escapes decoded after splitting. */
export function parseMountOptions(text: string): MountOptions {
  const options: MountOptions = {};
  if (text === '') return options;
  for (const option of text.split(',')) {
    if (option === '') continue;
    const eq = option.indexOf('=');
    if (eq < 0) options[decodeOctalEscapes(option)] = true;
    else options[decodeOctalEscapes(option.slice(0, eq))] = decodeOctalEscapes(option.slice(eq + 1));
  }
  return options;
}

export function parseMounts(text: string, file = 'mounts'): MountsRecord[] {
  const src = new Lines(file, text);
  const records: MountsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    // Escaped fields never hold a space, so single spaces separate exactly six fields.
    const f = line.split(' ');
    if (f.length !== 6) src.fail(i, `expected 6 space-separated fields, found ${f.length}`);
    records.push({
      // An empty device (`mount -t tmpfs '' /x`) prints as an empty field: kept as written.
      device: decodeOctalEscapes(f[0]),
      mount_point: decodeOctalEscapes(src.str(f[1], i, 'mount point')),
      fstype: decodeOctalEscapes(src.str(f[2], i, 'fstype')),
      options: parseMountOptions(src.str(f[3], i, 'options')),
      dump: src.int(f[4], i, 'dump'),
      pass: src.int(f[5], i, 'pass'),
    });
  }
  return records;
}

/** The handler of a mount table; `name` is its path under /proc. */
export function mountsHandler(name: string, summary: string): Handler<MountsRecord> {
  return defineHandler<MountsRecord>({ name, summary, parse: (text, file) => parseMounts(text, file ?? name) });
}
