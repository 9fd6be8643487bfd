/**
 * netstat: network statistics from /proc/net/netstat, /proc/net/snmp and
 * /proc/net/snmp6 as node_exporter's untyped node_netstat_<Protocol>_<Field>,
 * filtered by the `fields` regexp (matched against `<Protocol>_<Field>`).
 * snmp6 names (`Ip6InReceives`) split after their first "6" (`Ip6` + `InReceives`).
 * /proc/net/snmp6 is absent when IPv6 is off: that is not a failure.
 * node_exporter: collector/netstat_linux.go.
 */
import type { NetstatRecord } from '../src/parsers/net/netstat';
import type { Snmp6Record } from '../src/parsers/net/snmp6';
import { defineCollector, mapping, type MappingContext } from '../src/collector';

const fieldsFilter = [{ subject: (ctx: MappingContext) => ctx.key, include: 'fields' }];

/** `Ip6InReceives` → `Ip6_InReceives`; undefined for names without a 6. */
function snmp6Key(name: string): string | undefined {
  const six = name.indexOf('6');
  return six < 0 ? undefined : `${name.slice(0, six + 1)}_${name.slice(six + 1)}`;
}

export const netstat = defineCollector({
  name: 'netstat',
  description: 'Network statistics (/proc/net/netstat, /proc/net/snmp, /proc/net/snmp6).',
  defaultEnabled: true,
  reads: { 'net/netstat': 'required', 'net/snmp': 'required', 'net/snmp6': 'optional' },
  options: {
    fields: {
      type: 'regex',
      default:
        '^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue|TCPRcvQDrop)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$',
      description: 'Regexp of fields (<Protocol>_<Field>) to return.',
    },
  },
  metrics: [
    mapping<NetstatRecord>({
      from: ['net/netstat', 'net/snmp'],
      // `key` becomes `<Protocol>_<Field>` for the name, the help and the filter.
      each: (r) => {
        const out: Record<string, number> = {};
        for (const field in r.counters) out[`${r.protocol}_${field}`] = r.counters[field];
        return out;
      },
      name: ({ key }) => `node_netstat_${key}`,
      namePattern: 'node_netstat_<Protocol>_<Field>',
      help: ({ key }) => `Statistic ${key.replace('_', '')}.`,
      type: 'untyped',
      filters: fieldsFilter,
    }),
    mapping<Snmp6Record>({
      from: 'net/snmp6',
      each: (r) => {
        const key = snmp6Key(r.name);
        return key === undefined ? undefined : { [key]: r.value };
      },
      name: ({ key }) => `node_netstat_${key}`,
      namePattern: 'node_netstat_<Protocol>_<Field>',
      help: ({ key }) => `Statistic ${key.replace('_', '')}.`,
      type: 'untyped',
      filters: fieldsFilter,
    }),
  ],
});
