/**
 * /proc/<pid>/mountinfo — the process's mounts with ids, propagation and per-superblock options.
 * Kernel: fs/proc_namespace.c, show_mountinfo(); fields in Documentation/filesystems/proc.rst §3.5.
 * Sample: "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
 *
 * Between the mount options and the ` - ` separator come zero or more
 * optional fields (`shared:N`, `master:N`, `propagate_from:N`, `unbindable`),
 * returned as an object: peer-group ids as numbers, a tag without a value as
 * `true`. Octal escapes (`\040` space, `\011` tab, `\012` newline, `\134`
 * backslash) are decoded in root, mount point, source and options. A doubled
 * space before the separator separates like one (an empty source after it is
 * kept: it is a field of its own). The
 * synthetic fixture (fixtures/synthetic/proc/self/mountinfo) follows
 * show_mountinfo() to carry optional fields and escapes this machine lacks.
 */
import { defineHandler } from '../../handler';
import { integerOf, Lines } from '../helpers';
import { decodeOctalEscapes, parseMountOptions, type MountOptions } from '../formats/mounts';

export interface MountinfoRecord {
  mount_id: number;
  parent_id: number;
  major: number;
  minor: number;
  /** The directory of the filesystem that forms the root of this mount. */
  root: string;
  mount_point: string;
  /** Per-mount options. */
  mount_options: MountOptions;
  /** `shared:1 master:2 unbindable` → `{shared: 1, master: 2, unbindable: true}`. */
  optional_fields: Record<string, number | string | true>;
  fstype: string;
  /** Filesystem-specific source, or "none". */
  source: string;
  /** Per-superblock options. */
  super_options: MountOptions;
}

/**
 * The fields of a line: split on single spaces, since an empty source after
 * the separator is a field of its own (`- tmpfs  rw`), but before the
 * separator a doubled space is one separator (no field there is ever empty:
 * node_exporter's fixture has `1 1 0:5 /  /root rw,nosuid shared:8 - …`).
 */
function mountinfoFields(line: string): string[] {
  const raw = line.split(' ');
  let words = 0;
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === '') continue;
    if (raw[k] === '-' && words >= 6) return [...raw.slice(0, k).filter((w) => w !== ''), ...raw.slice(k)];
    words++;
  }
  return raw.filter((w) => w !== '');
}

export function parseMountinfo(text: string, file = 'pid/mountinfo'): MountinfoRecord[] {
  const src = new Lines(file, text);
  const records: MountinfoRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const f = mountinfoFields(line);
    if (f.length < 10) src.fail(i, `expected at least 10 fields, found ${f.length}`);
    const separator = f.indexOf('-', 6);
    if (separator < 0) src.fail(i, 'missing the " - " separator');
    if (f.length - separator !== 4)
      src.fail(i, `expected fstype, source and super options after " - ", found ${f.length - separator - 1} fields`);
    const device = src.str(f[2], i, 'major:minor');
    const colon = device.indexOf(':');
    if (colon < 0) src.fail(i, `expected major:minor (${JSON.stringify(device)})`);
    const optional: Record<string, number | string | true> = {};
    for (let o = 6; o < separator; o++) {
      const tag = f[o];
      if (tag === '') src.fail(i, 'empty optional field');
      const at = tag.indexOf(':');
      if (at < 0) optional[tag] = true;
      else {
        const value = tag.slice(at + 1);
        optional[tag.slice(0, at)] = integerOf(value) ?? value;
      }
    }
    records.push({
      mount_id: src.int(f[0], i, 'mount ID'),
      parent_id: src.int(f[1], i, 'parent ID'),
      major: src.int(device.slice(0, colon), i, 'major'),
      minor: src.int(device.slice(colon + 1), i, 'minor'),
      root: decodeOctalEscapes(src.str(f[3], i, 'root')),
      mount_point: decodeOctalEscapes(src.str(f[4], i, 'mount point')),
      mount_options: parseMountOptions(src.str(f[5], i, 'mount options')),
      optional_fields: optional,
      fstype: decodeOctalEscapes(src.str(f[separator + 1], i, 'fstype')),
      // An empty source (`mount -t tmpfs '' /x`) prints as an empty field: kept as written.
      source: decodeOctalEscapes(f[separator + 2]),
      super_options: parseMountOptions(src.str(f[separator + 3], i, 'super options')),
    });
  }
  return records;
}

export const pidMountinfo = defineHandler<MountinfoRecord>({
  name: 'pid/mountinfo',
  summary: 'mounts of the process with ids, propagation fields, and per-superblock options',
  parse: parseMountinfo,
});
