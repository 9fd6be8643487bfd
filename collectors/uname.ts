/**
 * uname: node_uname_info, the fields of uname(2) as labels, as node_exporter's uname collector.
 * node_exporter: collector/uname.go, uname_linux.go (which calls uname(2)).
 *
 * Read from <procfs>/sys/kernel/{ostype,osrelease,version,hostname,domainname} instead, so that an
 * exporter reading the host's /proc through --path.procfs reports the host's kernel. hostname and
 * domainname are those of the reading process's UTS namespace, exactly as uname(2) gives them (a
 * pod with hostNetwork shares the node's). machine comes from sys/kernel/arch (kernels since 2022),
 * else from uname(2) through Node: the architecture is the same inside and outside a container.
 */
import type { SysctlTextRecord } from '../src/parsers/formats/sysctl-text';
import { defineCollector, mapping, unameMachine, type ReadRecords } from '../src/collector';

const FIELDS = { sysname: 'ostype', release: 'osrelease', version: 'version', nodename: 'hostname', domainname: 'domainname' } as const;

export interface UnameRecord {
  sysname: string;
  release: string;
  version: string;
  machine: string;
  nodename: string;
  domainname: string;
}

async function value(read: ReadRecords, leaf: string, need: 'required' | 'optional'): Promise<string | undefined> {
  const records = await read<SysctlTextRecord>(`sys/kernel/${leaf}`, need);
  if (records !== undefined && records.length === 0) throw new Error(`sys/kernel/${leaf} is empty`);
  return records?.[0].value;
}

export const uname = defineCollector({
  name: 'uname',
  description: 'System information as uname(2) gives it (/proc/sys/kernel).',
  defaultEnabled: true,
  reads: {
    'sys/kernel/ostype': 'required',
    'sys/kernel/osrelease': 'required',
    'sys/kernel/version': 'required',
    'sys/kernel/hostname': 'required',
    'sys/kernel/domainname': 'required',
    'sys/kernel/arch': 'optional',
  },
  gather: async ({ read }) => {
    const entries = await Promise.all(Object.entries(FIELDS).map(async ([label, leaf]) => [label, await value(read, leaf, 'required')]));
    const machine = (await value(read, 'arch', 'optional')) ?? unameMachine();
    return { uname: [{ ...Object.fromEntries(entries), machine } as UnameRecord] };
  },
  metrics: [
    mapping<UnameRecord>({
      from: 'uname',
      name: 'node_uname_info',
      help: 'Labeled system information as provided by the uname system call.',
      type: 'gauge',
      labels: {
        sysname: 'sysname',
        release: 'release',
        version: 'version',
        machine: 'machine',
        nodename: 'nodename',
        domainname: 'domainname',
      },
      value: () => 1,
    }),
  ],
});
