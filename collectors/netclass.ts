/**
 * netclass: network devices' attributes from <sysfs>/class/net/<iface>/, as node_exporter's netclass
 * collector: node_network_up (operstate "up"), node_network_info (address, broadcast, duplex,
 * operstate, adminstate from IFF_UP, ifalias) and one node_network_<property> per numeric attribute
 * ("Network device property: …"), speed in bytes per second (Mbit/s × 125000; the kernel's -1 for
 * "unknown" gives -125000 unless --collector.netclass.ignore-invalid-speed).
 * node_exporter: collector/netclass_linux.go (procfs sysfs/net_class.go).
 *
 * As procfs: the entries of class/net that are directories are devices; an attribute whose
 * file is absent or whose read fails by design (EINVAL: carrier, speed, duplex, dormant of a device
 * that is down; EOPNOTSUPP; EACCES) has no series; without class/net the run fails as "not present".
 * Devices matching --collector.netclass.ignored-devices are not read. node_exporter's
 * --collector.netclass.netlink (rtnetlink instead of /sys) is not offered: this exporter reads files.
 */
import {
  NET_CLASS_ATTRIBUTES,
  type NetClassAttribute,
  type NetClassDevice,
  type NetClassIntegerAttribute,
} from '../src/parsers/formats/net-class-attribute';
import { getHandler } from '../src/registry';
import { defineCollector, mapping, MissingFileError, type MetricMapping, type ProcFs } from '../src/collector';

/** Read failures that mean "this device has no such value" (procfs' canIgnoreError), or that it went away meanwhile. */
const NO_VALUE = new Set(['EINVAL', 'EOPNOTSUPP', 'ENOTSUP', 'EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'ENODEV', 'ENXIO']);

/** What the series use: procfs also reads addr_len and the phys_* ids, which node_exporter never exports. */
const EXPORTED = NET_CLASS_ATTRIBUTES.filter((name) => name !== 'addr_len' && !name.startsWith('phys_'));

/** One attribute's value (read in place on the kernel's sysfs: ~90 attributes on libuv's pool were 12.9 ms of CPU per run here). */
async function attribute(sysfs: ProcFs, device: string, name: NetClassAttribute): Promise<number | string | undefined> {
  const path = `class/net/${device}/${name}`;
  let text: string;
  try {
    text = await sysfs.readForCollector(path, 'attribute');
  } catch (error) {
    if (NO_VALUE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  const records = getHandler(`sysfs/class/net/${name}`)!.parse(text, `${sysfs.root}/${path}`) as { value: number | string }[];
  return records[0]?.value;
}

/** The devices of class/net (the entries that are not regular files), each with the attributes it has. */
export async function netClassDevices(sysfs: ProcFs, ignored: RegExp): Promise<NetClassDevice[]> {
  if (!sysfs.isDirectory('class/net')) throw new MissingFileError(`${sysfs.root}/class/net`);
  const names = sysfs.list('class/net').filter((name) => !ignored.test(name) && sysfs.isDirectory(`class/net/${name}`));
  return Promise.all(
    names.map(async (device) => {
      const present = new Set(sysfs.list(`class/net/${device}`));
      const record: Record<string, number | string> = { device };
      await Promise.all(
        EXPORTED.filter((name) => present.has(name)).map(async (name) => {
          const value = await attribute(sysfs, device, name);
          if (value !== undefined) record[name] = value;
        }),
      );
      return record as NetClassDevice;
    }),
  );
}

/** IFF_UP in flags: "up" or "down"; "unknown" without flags (node_exporter's getAdminState). */
function adminState(device: NetClassDevice): string {
  if (device.flags === undefined) return 'unknown';
  return (device.flags & 1) === 1 ? 'up' : 'down';
}

const property = (name: string, attribute: NetClassIntegerAttribute, type: 'gauge' | 'counter' = 'gauge'): MetricMapping<NetClassDevice> =>
  mapping<NetClassDevice>({
    from: 'netclass',
    name: `node_network_${name}`,
    help: `Network device property: ${name}`,
    type,
    labels: { device: 'device' },
    value: attribute,
  });

export const netclass = defineCollector({
  name: 'netclass',
  description: 'Network device attributes (/sys/class/net).',
  defaultEnabled: true,
  reads: Object.fromEntries(EXPORTED.map((name) => [`sysfs/class/net/${name}`, 'optional'])),
  options: {
    ignoredDevices: { type: 'regex', default: '^$', description: 'Regexp of net devices to ignore for netclass collector.' },
    ignoreInvalidSpeed: {
      type: 'boolean',
      default: false,
      description: 'Ignore devices where the speed is invalid. This will be the default behavior in 2.x.',
    },
  },
  gather: async ({ sysfs, options }) => {
    const ignored = new RegExp(typeof options.ignoredDevices === 'string' && options.ignoredDevices !== '' ? options.ignoredDevices : '^$');
    return { netclass: await netClassDevices(sysfs, ignored) };
  },
  metrics: [
    mapping<NetClassDevice>({
      from: 'netclass',
      name: 'node_network_up',
      help: "Value is 1 if operstate is 'up', 0 otherwise.",
      type: 'gauge',
      labels: { device: 'device' },
      value: ({ record }) => (record.operstate === 'up' ? 1 : 0),
    }),
    mapping<NetClassDevice>({
      from: 'netclass',
      name: 'node_network_info',
      help: 'Non-numeric data from /sys/class/net/<iface>, value is always 1.',
      type: 'gauge',
      labels: {
        device: 'device',
        address: 'address',
        broadcast: 'broadcast',
        duplex: 'duplex',
        operstate: 'operstate',
        adminstate: ({ record }) => adminState(record),
        ifalias: 'ifalias',
      },
      value: () => 1,
    }),
    property('address_assign_type', 'addr_assign_type'),
    property('carrier', 'carrier'),
    property('carrier_changes_total', 'carrier_changes', 'counter'),
    property('carrier_up_changes_total', 'carrier_up_count', 'counter'),
    property('carrier_down_changes_total', 'carrier_down_count', 'counter'),
    property('device_id', 'dev_id'),
    property('dormant', 'dormant'),
    property('flags', 'flags'),
    property('iface_id', 'ifindex'),
    property('iface_link', 'iflink'),
    property('iface_link_mode', 'link_mode'),
    property('mtu_bytes', 'mtu'),
    property('name_assign_type', 'name_assign_type'),
    property('net_dev_group', 'netdev_group'),
    mapping<NetClassDevice>({
      from: 'netclass',
      name: 'node_network_speed_bytes',
      help: 'Network device property: speed_bytes',
      type: 'gauge',
      labels: { device: 'device' },
      value: ({ record, options }) => {
        if (record.speed === undefined || (record.speed < 0 && options.ignoreInvalidSpeed === true)) return undefined;
        return Math.trunc((record.speed * 1000 * 1000) / 8);
      },
    }),
    property('transmit_queue_length', 'tx_queue_len'),
    property('protocol_type', 'type'),
  ],
});
