/**
 * Format: one value per file — a network device's attributes, /sys/class/net/<iface>/<attribute>
 * (the entries under src/parsers/sysfs/class/net/, one per attribute prometheus/procfs reads for
 * node_exporter's netclass collector, sysfs/net_class.go).
 * Kernel: net/core/net-sysfs.c (NETDEVICE_SHOW_RO with fmt_dec "%d\n", fmt_hex "%#x\n" — the
 * kernel's %#x always writes 0x, "0x0" included —, operstate_show(), ifalias_show(), speed_show(),
 * duplex_show(); Documentation/ABI/testing/sysfs-class-net).
 * Sample: "1400" (mtu), "0x1003" (flags), "up" (operstate), "02:fc:00:00:00:01" (address)
 *
 * Numbers are decimal or, when the kernel prints them so, 0x-prefixed hex; text is trimmed as
 * procfs trims it. One record `{ value }`, or none for an empty file (ifalias of a device without
 * an alias is empty: ifalias_show() writes nothing). Some reads fail by design — carrier, speed,
 * duplex and dormant of a device that is down (EINVAL), phys_port_name of a device without ports
 * (EOPNOTSUPP) — which is "no value", not a parse error: the reader skips them.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines } from '../helpers';

const INTEGER_ATTRIBUTES = [
  'addr_assign_type',
  'addr_len',
  'carrier',
  'carrier_changes',
  'carrier_down_count',
  'carrier_up_count',
  'dev_id',
  'dormant',
  'flags',
  'ifindex',
  'iflink',
  'link_mode',
  'mtu',
  'name_assign_type',
  'netdev_group',
  'speed',
  'tx_queue_len',
  'type',
] as const;

const TEXT_ATTRIBUTES = [
  'address',
  'broadcast',
  'duplex',
  'ifalias',
  'operstate',
  'phys_port_id',
  'phys_port_name',
  'phys_switch_id',
] as const;

export type NetClassIntegerAttribute = (typeof INTEGER_ATTRIBUTES)[number];
export type NetClassTextAttribute = (typeof TEXT_ATTRIBUTES)[number];
export type NetClassAttribute = NetClassIntegerAttribute | NetClassTextAttribute;

/** Every attribute read, alphabetically (as net_class.go's struct lists them). */
export const NET_CLASS_ATTRIBUTES: readonly NetClassAttribute[] = [...INTEGER_ATTRIBUTES, ...TEXT_ATTRIBUTES].sort();

export function isIntegerAttribute(name: string): name is NetClassIntegerAttribute {
  return (INTEGER_ATTRIBUTES as readonly string[]).includes(name);
}

export interface NetClassIntegerRecord {
  value: number;
}

export interface NetClassTextRecord {
  value: string;
}

/** One device with the attributes that could be read (absent: the file is missing or its read failed by design). */
export type NetClassDevice = { device: string } & Partial<Record<NetClassIntegerAttribute, number>> &
  Partial<Record<NetClassTextAttribute, string>>;

const HEX = /^0x[0-9a-fA-F]+$/;

export function parseNetClassInteger(text: string, file: string): NetClassIntegerRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 1) src.fail(0, `expected one number, found ${f.length} fields`);
  return [{ value: HEX.test(f[0]) ? src.hex(f[0], 0) : src.int(f[0], 0) }];
}

export function parseNetClassText(text: string, file: string): NetClassTextRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  return [{ value: src.lines[0].trim() }];
}

/** The handler of /sys/class/net/<iface>/<attribute>: named `sysfs/class/net/<attribute>`, read under --path.sysfs. */
export function netClassAttributeHandler(
  attribute: NetClassAttribute,
  summary: string,
): Handler<NetClassIntegerRecord | NetClassTextRecord> {
  const name = `sysfs/class/net/${attribute}`;
  const parse = isIntegerAttribute(attribute) ? parseNetClassInteger : parseNetClassText;
  return defineHandler<NetClassIntegerRecord | NetClassTextRecord>({
    name,
    summary: `net device attribute: ${summary}`,
    pattern: `class/net/*/${attribute}`,
    root: 'sysfs',
    parse: (text, file) => parse(text, file ?? name),
  });
}
