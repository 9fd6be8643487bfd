/**
 * ipvs: IPVS (the kernel's layer-4 load balancer) from /proc/net/ip_vs_stats
 * and /proc/net/ip_vs, as node_exporter's ipvs collector (on by default):
 *
 * - node_ipvs_connections_total, incoming_packets_total, outgoing_packets_total,
 *   incoming_bytes_total, outgoing_bytes_total: the totals of ip_vs_stats;
 * - node_ipvs_backend_connections_active, backend_connections_inactive,
 *   backend_weight: per real server, labelled by the labels chosen with
 *   `--collector.ipvs.backend-labels` (any of local_address, local_port,
 *   remote_address, remote_port, proto, local_mark, in that order whatever the
 *   flag's order); real servers whose chosen labels are equal are summed, so
 *   choosing fewer labels aggregates (no labels: one sum).
 *
 * Label values as procfs and Go print them: addresses as net.IP.String() does
 * (an IPv4-mapped IPv6 address as dotted IPv4), ports in decimal, a
 * firewall-mark service with local_address "" and local_port "0", and its mark
 * as the kernel prints it (8 hex digits). Unlike procfs, an SCTP service's real
 * servers are its own (procfs reads only TCP, UDP and FWM service lines and
 * gives an SCTP service's real servers to the service above it).
 *
 * Without ip_vs_stats (IPVS not loaded) the run fails as node_exporter's "no
 * data"; ip_vs is then required too. An unknown name in backend-labels fails
 * every run with node_exporter's message (node_exporter refuses to start).
 * node_exporter: collector/ipvs_linux.go (procfs ipvs.go).
 */
import type { IpVsService } from '../src/parsers/net/ip_vs';
import type { IpVsStatsRecord } from '../src/parsers/net/ip_vs_stats';
import { defineCollector, mapping, type CollectorInput, type Labels, type MetricFamily, type OptionValues } from '../src/collector';

const STATS = 'net/ip_vs_stats';
const SERVICES = 'net/ip_vs';
const ALL_LABELS = ['local_address', 'local_port', 'remote_address', 'remote_port', 'proto', 'local_mark'] as const;
type BackendLabel = (typeof ALL_LABELS)[number];
/** The order client_golang prints label names in (sorted), so that series come out as node_exporter's. */
const PRINT_ORDER: readonly BackendLabel[] = [...ALL_LABELS].sort();

/** The chosen labels in node_exporter's order; unknown names fail as node_exporter's parseIpvsLabels. */
export function backendLabels(options: OptionValues): BackendLabel[] {
  const given = new Set(
    String(options.backendLabels ?? '')
      .split(',')
      .filter((l) => l !== ''),
  );
  const unknown = [...given].filter((l) => !(ALL_LABELS as readonly string[]).includes(l)).sort();
  if (unknown.length > 0) throw new Error(`unknown IPVS backend labels: ${JSON.stringify(unknown.join(', '))}`);
  return ALL_LABELS.filter((l) => given.has(l));
}

/** net.IP.String(): an IPv4-mapped IPv6 address prints as IPv4. */
function goAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

interface BackendSum {
  labels: Labels;
  active: number;
  inactive: number;
  weight: number;
}

function backendSums(services: readonly IpVsService[], chosen: readonly BackendLabel[]): BackendSum[] {
  const printed = PRINT_ORDER.filter((l) => chosen.includes(l));
  const sums = new Map<string, BackendSum>();
  for (const service of services) {
    for (const d of service.destinations) {
      const all: Record<BackendLabel, string> = {
        local_address: service.address === undefined ? '' : goAddress(service.address),
        local_port: String(service.port ?? 0),
        remote_address: goAddress(d.address),
        remote_port: String(d.port),
        proto: service.protocol,
        local_mark: service.fwmark ?? '',
      };
      const labels: Labels = Object.fromEntries(printed.map((l) => [l, all[l]]));
      const key = JSON.stringify(printed.map((l) => all[l]));
      const sum = sums.get(key) ?? { labels, active: 0, inactive: 0, weight: 0 };
      sum.active += d.active_connections;
      sum.inactive += d.inactive_connections;
      sum.weight += d.weight;
      sums.set(key, sum);
    }
  }
  // client_golang's order: by label values, label by label.
  return [...sums.values()].sort((a, b) => {
    for (const l of printed) if (a.labels[l] !== b.labels[l]) return a.labels[l] < b.labels[l] ? -1 : 1;
    return 0;
  });
}

const BACKEND_FAMILIES: [name: string, help: string, value: (s: BackendSum) => number][] = [
  ['node_ipvs_backend_connections_active', 'The current active connections by local and remote address.', (s) => s.active],
  ['node_ipvs_backend_connections_inactive', 'The current inactive connections by local and remote address.', (s) => s.inactive],
  ['node_ipvs_backend_weight', 'The current backend weight by local and remote address.', (s) => s.weight],
];

function backendFamilies(input: CollectorInput, options: OptionValues): MetricFamily[] {
  const chosen = backendLabels(options);
  const sums = backendSums((input[SERVICES] ?? []) as IpVsService[], chosen);
  if (sums.length === 0) return [];
  return BACKEND_FAMILIES.map(([name, help, value]) => ({
    name,
    help,
    type: 'gauge',
    samples: sums.map((s) => ({ labels: s.labels, value: value(s) })),
  }));
}

const total = (name: string, help: string, field: keyof IpVsStatsRecord) =>
  mapping<IpVsStatsRecord>({ from: STATS, name: `node_ipvs_${name}`, help, type: 'counter', value: field });

export const ipvs = defineCollector({
  name: 'ipvs',
  description: 'IPVS totals and per-backend connections and weights (/proc/net/ip_vs_stats, /proc/net/ip_vs).',
  defaultEnabled: true,
  reads: { [STATS]: 'required', [SERVICES]: 'required' },
  options: {
    backendLabels: {
      type: 'string',
      default: ALL_LABELS.join(','),
      description: 'Comma separated list for IPVS backend stats labels.',
    },
  },
  metrics: [
    total('connections_total', 'The total number of connections made.', 'connections'),
    total('incoming_packets_total', 'The total number of incoming packets.', 'incoming_packets'),
    total('outgoing_packets_total', 'The total number of outgoing packets.', 'outgoing_packets'),
    total('incoming_bytes_total', 'The total amount of incoming data.', 'incoming_bytes'),
    total('outgoing_bytes_total', 'The total amount of outgoing data.', 'outgoing_bytes'),
  ],
  families: (input, { options }) => backendFamilies(input, options),
  familyNames: ['node_ipvs_backend_{connections_active,connections_inactive,weight}{<backend-labels>}'],
});
