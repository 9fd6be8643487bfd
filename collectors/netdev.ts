/**
 * netdev: per-interface counters from /proc/net/dev, as node_exporter's netdev
 * collector with --no-collector.netdev.netlink (its /proc/net/dev path, legacy
 * names): node_network_<receive|transmit>_<column>_total{device}, counters,
 * one per column of the file's header (receive: bytes packets errs drop fifo
 * frame compressed multicast; transmit: bytes packets errs drop fifo colls
 * carrier compressed), help "Network device statistic <key>.". Devices are
 * filtered by deviceInclude / deviceExclude (mutually exclusive; none by default).
 * Left out: the netlink path's extra counters, --collector.netdev.address-info
 * and label-ifalias (netlink / sysfs, not /proc), and the detailed-metrics names.
 * An interface that disappears has no series in the next snapshot.
 * node_exporter: collector/netdev_common.go, netdev_linux.go.
 */
import type { DevRecord } from '../src/parsers/net/dev';
import { defineCollector, mapping } from '../src/collector';

const RECEIVE = ['bytes', 'packets', 'errs', 'drop', 'fifo', 'frame', 'compressed', 'multicast'];
const TRANSMIT = ['bytes', 'packets', 'errs', 'drop', 'fifo', 'colls', 'carrier', 'compressed'];

const direction = (dir: 'receive' | 'transmit', columns: readonly string[]) =>
  mapping<DevRecord>({
    from: 'net/dev',
    each: dir,
    only: columns,
    name: ({ key }) => `node_network_${dir}_${key}_total`,
    namePattern: `node_network_${dir}_{${columns.join(',')}}_total`,
    help: ({ key }) => `Network device statistic ${dir}_${key}.`,
    type: 'counter',
    labels: { device: 'interface' },
  });

export const netdev = defineCollector({
  name: 'netdev',
  description: 'Network interface statistics (/proc/net/dev).',
  defaultEnabled: true,
  reads: { 'net/dev': 'required' },
  options: {
    deviceExclude: { type: 'regex', default: '', description: 'Regexp of net devices to exclude (mutually exclusive to device-include).' },
    deviceInclude: { type: 'regex', default: '', description: 'Regexp of net devices to include (mutually exclusive to device-exclude).' },
  },
  filters: [{ subject: 'device', include: 'deviceInclude', exclude: 'deviceExclude' }],
  metrics: [direction('receive', RECEIVE), direction('transmit', TRANSMIT)],
});
