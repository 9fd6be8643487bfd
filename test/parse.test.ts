/**
 * Parsing that keeps going (src/parse.ts, parseKeepingGoing): a bad line costs
 * its record — a line, an indented block, a paragraph, a pair — not the file;
 * a header, an unlisted handler or too many bad records still fail the file.
 */
import { expect } from 'chai';
import { ParseError } from '../src/errors';
import { MAX_SKIPPED, parseKeepingGoing, RECOVERY } from '../src/parse';
import { handlers } from '../src/registry';
import { fixture } from './support/fixtures';

const keepGoing = (name: string, text: string) => parseKeepingGoing(handlers[name], text, `/p/${name}`);
const messages = (errors: ParseError[]) => errors.map((e) => e.message);

describe('parsing that keeps going past bad records', () => {
  it('RECOVERY names real handlers only', () => {
    for (const name of Object.keys(RECOVERY)) expect(handlers, name).to.have.property(name);
  });

  it('line: drops the bad lines, keeps the others, and names them with their line numbers in the file as read', () => {
    const text = 'MemTotal: 1 kB\nMemFree: lots kB\nBuffers: 3 kB\nCached: -4 kB\nActive: 5 kB\n';
    const { records, skipped } = keepGoing('meminfo', text);
    expect(records).to.deep.equal([
      { name: 'MemTotal', value: 1, unit: 'kB' },
      { name: 'Buffers', value: 3, unit: 'kB' },
      { name: 'Active', value: 5, unit: 'kB' },
    ]);
    expect(messages(skipped)).to.deep.equal([
      '/p/meminfo:2: MemFree is not an unsigned integer ("lots"): "MemFree: lots kB"',
      '/p/meminfo:4: Cached is not an unsigned integer ("-4"): "Cached: -4 kB"',
    ]);
  });

  it('line with a header: a bad header fails the file, a bad row costs the row (interrupts, net/dev)', () => {
    const header = '           CPU0       CPU1\n';
    const { records, skipped } = keepGoing(
      'interrupts',
      `${header}  0:  44  x  IO-APIC   2-edge      timer\n  1:   9   0   IO-APIC   1-edge      i8042\n`,
    );
    expect(records).to.deep.equal([{ name: '1', cpus: { CPU0: 9, CPU1: 0 }, info: 'IO-APIC', devices: '1-edge i8042' }]);
    expect(messages(skipped)).to.deep.equal([
      '/p/interrupts:2: expected 2 per-CPU counts, found 1 before "x": "  0:  44  x  IO-APIC   2-edge      timer"',
    ]);
    const dev = fixture('proc/net/dev');
    expect(() => keepGoing('net/dev', dev.replace('Receive', 'Rcv'))).to.throw(
      ParseError,
      /^\/p\/net\/dev:2: expected the two header lines/,
    );
    const broken = dev.split('\n');
    broken[2] = broken[2].replace(/\d+/, 'x');
    const kept = keepGoing('net/dev', broken.join('\n'));
    expect(kept.records).to.have.length(dev.trimEnd().split('\n').length - 3);
    expect(kept.skipped).to.have.length(1);
    expect(kept.skipped[0].lineNumber).to.equal(3);
  });

  it('stat: the all-CPU line is structural (its loss fails the file), a bad later line costs that line', () => {
    expect(() => keepGoing('stat', 'cpu  1 x 3 4\ncpu0 1 2 3 4\n')).to.throw(
      ParseError,
      '/p/stat:1: nice is not an unsigned integer ("x")',
    );
    const { records, skipped } = keepGoing('stat', 'cpu  1 2 3 4\ncpu0 1 2 3 x\nctxt 12\n');
    expect(records.map((r) => (r as { name: string }).name)).to.deep.equal(['cpu', 'ctxt']);
    expect(skipped[0].lineNumber).to.equal(2);
  });

  it('indented-block: a bad line costs its whole block (an md array with its size and progress lines)', () => {
    const text = [
      'Personalities : [raid1]',
      'md1 : active raid1 sdb1[1] sda1[0]',
      '      100 blocks [2/2] [UU]',
      'md2 : active raid1 sdd1[1] sdc1[0](Q)',
      '      200 blocks [2/2] [UU]',
      '      [>....]  resync =  1.0% (2/200) finish=1.0min speed=1K/sec',
      'md3 : active raid1 sdf1[1] sde1[0]',
      '      300 blocks [2/2] [UU]',
      'unused devices: <none>',
      '',
    ].join('\n');
    const { records, skipped } = keepGoing('mdstat', text);
    const [record] = records as { arrays: { name: string; blocks: number }[] }[];
    expect(record.arrays.map((a) => [a.name, a.blocks])).to.deep.equal([
      ['md1', 100],
      ['md3', 300],
    ]);
    expect(messages(skipped)).to.deep.equal(['/p/mdstat:4: unknown device flag in "sdc1[0](Q)": "md2 : active raid1 sdd1[1] sdc1[0](Q)"']);
  });

  it('pair: a bad value line costs its protocol (names and values), not the file', () => {
    const text = 'Ip: Forwarding DefaultTTL\nIp: 1 64\nIcmp: InMsgs InErrors\nIcmp: 7 x\nUdp: InDatagrams\nUdp: 9\n';
    const { records, skipped } = keepGoing('net/snmp', text);
    expect(records).to.deep.equal([
      { protocol: 'Ip', counters: { Forwarding: 1, DefaultTTL: 64 } },
      { protocol: 'Udp', counters: { InDatagrams: 9 } },
    ]);
    expect(skipped.map((e) => e.lineNumber)).to.deep.equal([4]);
  });

  it('paragraph: a bad line costs its processor block (cpuinfo)', () => {
    const blocks = fixture('proc/cpuinfo').trimEnd().split('\n\n');
    expect(blocks.length).to.be.greaterThan(1);
    const bad = blocks[0].replace(/^processor\t: 0$/m, 'processor\t: x');
    const { records, skipped } = keepGoing('cpuinfo', `${[bad, ...blocks.slice(1)].join('\n\n')}\n`);
    expect(records).to.have.length(blocks.length - 1);
    expect(skipped).to.have.length(1);
    expect(skipped[0].line).to.equal('processor\t: x');
  });

  it('a handler not listed fails on its first bad line, as parse does', () => {
    expect(RECOVERY).to.not.have.property('loadavg');
    expect(() => keepGoing('loadavg', '0.55 x 0.34 1/578 21870\n')).to.throw(ParseError, '/p/loadavg:1: load5 is not a number ("x")');
    expect(RECOVERY).to.not.have.property('net/softnet_stat');
  });

  it(`more than ${MAX_SKIPPED} bad records: the file is taken as broken, named by its first bad line`, () => {
    const text = `${Array.from({ length: MAX_SKIPPED + 1 }, (_, k) => `Bad${k}: x kB`).join('\n')}\nMemTotal: 1 kB\n`;
    expect(() => keepGoing('meminfo', text)).to.throw(
      ParseError,
      `/p/meminfo:1: Bad0 is not an unsigned integer ("x") (and ${MAX_SKIPPED} more bad records: the file is taken as broken): "Bad0: x kB"`,
    );
    const fine = `${Array.from({ length: MAX_SKIPPED }, (_, k) => `Bad${k}: x kB`).join('\n')}\nMemTotal: 1 kB\n`;
    expect(keepGoing('meminfo', fine).records).to.deep.equal([{ name: 'MemTotal', value: 1, unit: 'kB' }]);
  });

  it('an empty file where content is due, or one whose every record is bad, still fails', () => {
    expect(() => keepGoing('meminfo', '')).to.throw(ParseError, '/p/meminfo:1: empty file');
    expect(() => keepGoing('meminfo', 'MemTotal: x kB\nMemFree: y kB\n')).to.throw(
      ParseError,
      '/p/meminfo:1: MemTotal is not an unsigned integer ("x") (no good record left): "MemTotal: x kB"',
    );
  });
});
