/**
 * os: the distribution from os-release(5) under --path.rootfs, as node_exporter's os collector:
 * node_os_info (every identification field as a label), node_os_version{id,id_like,name} (the
 * major.minor part of VERSION_ID, when it has one above 0) and node_os_support_end_timestamp_seconds
 * (SUPPORT_END, a date, at 00:00 UTC). <rootfs>/etc/os-release is read, else <rootfs>/usr/lib/os-release;
 * with neither the run fails as "not present" (node_exporter's ErrNoData); a SUPPORT_END that is not
 * a date fails the run. A key given twice counts with its last value, as in a shell.
 * node_exporter: collector/os_release.go. Not exported: its NixOS activation timestamps, which need
 * the Nix store's SQLite database.
 */
import type { OsReleaseRecord } from '../src/parsers/formats/os-release';
import { defineCollector, mapping, MissingFileError, readHandlerFile } from '../src/collector';

const INFO_LABELS = [
  'build_id',
  'id',
  'id_like',
  'image_id',
  'image_version',
  'name',
  'pretty_name',
  'variant',
  'variant_id',
  'version',
  'version_codename',
  'version_id',
] as const;

/** The fields, keyed by label name (`id_like` ← ID_LIKE); absent ones empty, as node_exporter labels them. */
export type OsRow = Record<(typeof INFO_LABELS)[number], string> & { majorMinor: number | undefined; supportEnd: number | undefined };

/** SUPPORT_END's date (YYYY-MM-DD) as seconds since the epoch at 00:00 UTC, as Go's time.Parse(time.DateOnly) reads it. */
export function supportEndSeconds(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new Error(`os-release: SUPPORT_END is not a date (${JSON.stringify(text)})`);
  return date.getTime() / 1000;
}

export function osRow(records: readonly OsReleaseRecord[]): OsRow {
  const fields = new Map(records.map((r) => [r.name, r.value]));
  const labels = Object.fromEntries(INFO_LABELS.map((label) => [label, fields.get(label.toUpperCase()) ?? '']));
  const majorMinor = /^[0-9]+\.?[0-9]*/.exec(labels.version_id)?.[0];
  const supportEnd = fields.get('SUPPORT_END');
  return {
    ...(labels as Record<(typeof INFO_LABELS)[number], string>),
    majorMinor: majorMinor !== undefined && Number(majorMinor) > 0 ? Number(majorMinor) : undefined,
    supportEnd: supportEnd === undefined || supportEnd === '' ? undefined : supportEndSeconds(supportEnd),
  };
}

const FILES = ['etc/os-release', 'usr/lib/os-release'] as const;

export const os = defineCollector({
  name: 'os',
  description: 'Operating system identification (os-release under --path.rootfs).',
  defaultEnabled: true,
  reads: { 'rootfs/etc/os-release': 'optional', 'rootfs/usr/lib/os-release': 'optional' },
  gather: async ({ rootfs }) => {
    for (const file of FILES) {
      const records = (await readHandlerFile(rootfs, `rootfs/${file}`, 'optional', file)) as OsReleaseRecord[] | undefined;
      if (records !== undefined) return { os: [osRow(records)] };
    }
    throw new MissingFileError(`${rootfs.root}/{${FILES.join(',')}}`);
  },
  metrics: [
    mapping<OsRow>({
      from: 'os',
      name: 'node_os_info',
      help: `A metric with a constant '1' value labeled by ${INFO_LABELS.join(', ')}.`,
      type: 'gauge',
      labels: Object.fromEntries(INFO_LABELS.map((label) => [label, label])),
      value: () => 1,
    }),
    mapping<OsRow>({
      from: 'os',
      name: 'node_os_version',
      help: 'Metric containing the major.minor part of the OS version.',
      type: 'gauge',
      labels: { id: 'id', id_like: 'id_like', name: 'name' },
      value: 'majorMinor',
    }),
    mapping<OsRow>({
      from: 'os',
      name: 'node_os_support_end_timestamp_seconds',
      help: 'Metric containing the end-of-life date timestamp of the OS.',
      type: 'gauge',
      value: 'supportEnd',
    }),
  ],
});
