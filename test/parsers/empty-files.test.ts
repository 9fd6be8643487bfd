/**
 * Empty files, decided per handler: where the kernel always prints something
 * (a header, or values whatever the machine's state), an empty file is a
 * ParseError — the collector reading it fails rather than succeeding with no
 * series; where an empty file is a real state (no block devices, a kernel
 * thread's cmdline, no conntrack entries), it is no records.
 */
import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { handlers } from '../../src/registry';

/** Always written to, with what the kernel prints there. */
const NEVER_EMPTY: Record<string, string> = {
  loadavg: 'the load averages',
  meminfo: 'MemTotal and the other counters',
  stat: 'the all-CPU "cpu" line',
  'net/dev': 'two header lines',
  interrupts: 'the header line of CPU names',
  softirqs: 'the header line of CPU names',
  mdstat: 'the "Personalities :" and "unused devices:" lines',
  'net/softnet_stat': 'a line per CPU',
  vmstat: 'its counters',
  'pressure/cpu': 'a "some" or "full" line',
  'pressure/memory': 'a "some" or "full" line',
  'pressure/io': 'a "some" or "full" line',
  'pressure/irq': 'a "some" or "full" line',
  'net/snmp': 'its protocol counters',
  'net/netstat': 'its protocol counters',
  'net/sockstat': 'a line per protocol',
  'net/sockstat6': 'a line per protocol',
};

/** Empty as a real state of the machine. */
const MAY_BE_EMPTY = ['diskstats', 'partitions', 'swaps', 'locks', 'net/nf_conntrack', 'pid/cmdline', 'pid/environ', 'mtrr'];

describe('empty files, per handler', () => {
  for (const [name, what] of Object.entries(NEVER_EMPTY)) {
    it(`${name}: an empty file is a ParseError (the kernel always prints ${what})`, () => {
      for (const text of ['', '\n', '\n\n']) {
        expect(() => handlers[name].parse(text, `/tmp/${name}`), JSON.stringify(text)).to.throw(
          ParseError,
          `/tmp/${name}:1: empty file (the kernel always prints ${what})`,
        );
      }
    });
  }

  it(`${MAY_BE_EMPTY.join(', ')}: an empty file is no records`, () => {
    for (const name of MAY_BE_EMPTY) expect(handlers[name].parse('', name), name).to.deep.equal([]);
  });
});
