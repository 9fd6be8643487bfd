/**
 * time: the system clock, the local time zone and the kernel's clock sources, as node_exporter's
 * time collector: node_time_seconds, node_time_zone_offset_seconds{time_zone},
 * node_time_clocksource_{available,current}_info{device,clocksource}.
 * node_exporter: collector/time.go, time_linux.go (procfs sysfs/clocksource.go).
 *
 * The zone is the exporter's own (TZ, else /etc/localtime), as localtime_r(3) gives its abbreviation
 * and offset: a native call (src/system/native.ts), so where that cannot be made the run fails.
 * Clock sources come from <sysfs>/devices/system/clocksource/clocksource[0-9]*, `device` being the
 * directory's position in name order ("0" for clocksource0); none when the directory is absent.
 */
import type { ClocksourceRecord } from '../src/parsers/formats/clocksource';
import { defineCollector, localZone, mapping, readHandlerFile, type ProcFs } from '../src/collector';

const DIR = 'devices/system/clocksource';

interface ClocksourceRow {
  device: string;
  clocksource: string;
}

async function clocksources(sysfs: ProcFs, file: 'available_clocksource' | 'current_clocksource'): Promise<ClocksourceRow[]> {
  // Go's filepath.Glob order: names sorted as strings (clocksource10 before clocksource2).
  const dirs = sysfs
    .list(DIR)
    .filter((name) => /^clocksource[0-9]/.test(name))
    .sort();
  const rows = await Promise.all(
    dirs.map(async (dir, index) => {
      const records = (await readHandlerFile(sysfs, `sysfs/${DIR}/${file}`, 'required', `${DIR}/${dir}/${file}`)) as ClocksourceRecord[];
      return records.map((r) => ({ device: String(index), clocksource: r.clocksource }));
    }),
  );
  return rows.flat();
}

const HELP_SOURCE = "read from '/sys/devices/system/clocksource'.";

export const time = defineCollector({
  name: 'time',
  description: 'System time, time zone and clock sources (/sys/devices/system/clocksource).',
  defaultEnabled: true,
  reads: { [`sysfs/${DIR}/available_clocksource`]: 'optional', [`sysfs/${DIR}/current_clocksource`]: 'optional' },
  gather: async ({ sysfs }) => {
    const seconds = Date.now() / 1000;
    const zone = localZone(seconds);
    return {
      now: [{ seconds }],
      zone: [{ time_zone: zone.name, offset: zone.offsetSeconds }],
      available: await clocksources(sysfs, 'available_clocksource'),
      current: await clocksources(sysfs, 'current_clocksource'),
    };
  },
  metrics: [
    mapping<{ seconds: number }>({
      from: 'now',
      name: 'node_time_seconds',
      help: 'System time in seconds since epoch (1970).',
      type: 'gauge',
      value: 'seconds',
    }),
    mapping<{ time_zone: string; offset: number }>({
      from: 'zone',
      name: 'node_time_zone_offset_seconds',
      help: 'System time zone offset in seconds.',
      type: 'gauge',
      labels: { time_zone: 'time_zone' },
      value: 'offset',
    }),
    mapping<ClocksourceRow>({
      from: 'available',
      name: 'node_time_clocksource_available_info',
      help: `Available clocksources ${HELP_SOURCE}`,
      type: 'gauge',
      labels: { device: 'device', clocksource: 'clocksource' },
      value: () => 1,
    }),
    mapping<ClocksourceRow>({
      from: 'current',
      name: 'node_time_clocksource_current_info',
      help: `Current clocksource ${HELP_SOURCE}`,
      type: 'gauge',
      labels: { device: 'device', clocksource: 'clocksource' },
      value: () => 1,
    }),
  ],
});
