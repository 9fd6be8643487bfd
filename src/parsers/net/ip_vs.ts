/**
 * /proc/net/ip_vs — IPVS virtual services and their real servers.
 * Kernel: net/netfilter/ipvs/ip_vs_ctl.c, ip_vs_info_seq_show() (ip_vs_proto_name() in ip_vs_core.c).
 * Sample: "TCP  C0A80016:0CEA wlc  "
 *         "  -> C0A85216:0CEA      Tunnel  100    248        2         "
 *
 * One record per virtual service, in the kernel's order, with its real
 * servers (destinations). The first three lines are the version line and the
 * two column headers. A service line is `PROTO  ADDR:PORT SCHEDULER [ops]
 * [persistent TIMEOUT NETMASK]` (IPv4 as `%08X` of the host-order address,
 * IPv6 as `[%pI6]`, ports `%04X`) or `FWM  %08X SCHEDULER …` for a firewall
 * mark service; a destination line is `  -> ADDR:PORT FORWARD WEIGHT
 * ACTIVECONN INACTCONN`. Addresses come out as text (RFC 5952 for IPv6),
 * ports and counts as numbers; the firewall mark is kept as printed (8 hex
 * digits), as node_exporter labels it.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';
import { ipv4FromNetworkHex, ipv6FromNetworkHex } from './address';

export interface IpVsDestination {
  address: string;
  port: number;
  /** Masq, Local, Tunnel, Route (ip_vs_fwd_name()). */
  forward: string;
  weight: number;
  active_connections: number;
  inactive_connections: number;
}

export interface IpVsService {
  /** TCP, UDP, SCTP (ip_vs_proto_name()), or FWM for a firewall-mark service. */
  protocol: string;
  /** The virtual address; absent for FWM. */
  address?: string;
  port?: number;
  /** The firewall mark as printed (`%08X`); FWM only. */
  fwmark?: string;
  scheduler: string;
  /** One-packet scheduling (`ops`). */
  one_packet: boolean;
  /** `persistent TIMEOUT NETMASK`: the timeout in seconds and the netmask as printed (`%08X`). */
  persistent_timeout?: number;
  persistent_netmask?: string;
  destinations: IpVsDestination[];
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;
const HEX8 = /^[0-9A-Fa-f]{8}$/;
/** `%pI6`: eight groups of four hex digits, in brackets. */
const IPV6 = /^\[(?:[0-9A-Fa-f]{4}:){7}[0-9A-Fa-f]{4}\]$/;
const VERSION = /^IP Virtual Server version \d+\.\d+\.\d+ \(size=\d+\)$/;
const SERVICE_HEADER = 'Prot LocalAddress:Port Scheduler Flags';
const DESTINATION_HEADER = '-> RemoteAddress:Port Forward Weight ActiveConn InActConn';

/** `C0A80016:0CEA` or `[2620:0000:…:0001]:0050` → address text and port. */
function addressPort(src: Lines, token: string, index: number, what: string): { address: string; port: number } {
  const colon = token.lastIndexOf(':');
  const host = colon < 0 ? '' : token.slice(0, colon);
  const port = colon < 0 ? '' : token.slice(colon + 1);
  if (!HEX4.test(port)) src.fail(index, `${what} is not ADDRESS:PORT with a 4-digit hex port (${JSON.stringify(token)})`);
  let address: string | undefined;
  if (IPV6.test(host)) address = ipv6FromNetworkHex(host.slice(1, -1).replace(/:/g, ''));
  else if (host.length === 8) address = ipv4FromNetworkHex(host);
  if (address === undefined) src.fail(index, `${what} has no IPv4 (8 hex digits) or [IPv6] address (${JSON.stringify(token)})`);
  return { address, port: src.hex(port, index, `${what} port`) };
}

function destination(src: Lines, index: number): IpVsDestination {
  const f = fields(src.lines[index]);
  if (f.length !== 6) src.fail(index, `expected "-> ADDRESS:PORT FORWARD WEIGHT ACTIVECONN INACTCONN", found ${f.length} fields`);
  const { address, port } = addressPort(src, f[1], index, 'the real server');
  return {
    address,
    port,
    forward: f[2],
    weight: src.int(f[3], index, 'Weight'),
    active_connections: src.int(f[4], index, 'ActiveConn'),
    inactive_connections: src.int(f[5], index, 'InActConn'),
  };
}

function service(src: Lines, index: number): IpVsService {
  const f = fields(src.lines[index]);
  if (f.length < 3) src.fail(index, `expected "PROTOCOL ADDRESS:PORT SCHEDULER [FLAGS]", found ${f.length} fields`);
  const record: IpVsService = { protocol: f[0], scheduler: f[2], one_packet: false, destinations: [] };
  if (f[0] === 'FWM') {
    if (!HEX8.test(f[1])) src.fail(index, `firewall mark is not 8 hex digits (${JSON.stringify(f[1])})`);
    record.fwmark = f[1];
  } else {
    const { address, port } = addressPort(src, f[1], index, 'the virtual service');
    record.address = address;
    record.port = port;
  }
  let i = 3;
  if (f[i] === 'ops') {
    record.one_packet = true;
    i++;
  }
  if (f[i] === 'persistent') {
    record.persistent_timeout = src.int(f[i + 1], index, 'persistent timeout');
    const mask = src.str(f[i + 2], index, 'persistent netmask');
    if (!HEX8.test(mask)) src.fail(index, `persistent netmask is not 8 hex digits (${JSON.stringify(mask)})`);
    record.persistent_netmask = mask;
    i += 3;
  }
  if (i < f.length) src.fail(index, `unexpected service flags ${JSON.stringify(f.slice(i).join(' '))}`);
  return record;
}

export function parseIpVs(text: string, file = 'net/ip_vs'): IpVsService[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!VERSION.test(src.lines[0])) src.fail(0, 'expected "IP Virtual Server version X.Y.Z (size=N)"');
  if (src.length < 3 || fields(src.lines[1]).join(' ') !== SERVICE_HEADER || fields(src.lines[2]).join(' ') !== DESTINATION_HEADER) {
    src.fail(Math.min(src.length - 1, 2), 'expected the two column header lines');
  }
  const services: IpVsService[] = [];
  for (let i = 3; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('  ->')) {
      const current = services[services.length - 1];
      if (current === undefined) src.fail(i, 'a real server before any virtual service');
      current.destinations.push(destination(src, i));
    } else {
      services.push(service(src, i));
    }
  }
  return services;
}

export const ipVs = defineHandler<IpVsService>({
  name: 'net/ip_vs',
  summary: 'IPVS virtual services and their real servers (weight, active and inactive connections)',
  parse: parseIpVs,
});
