import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseStat, type StatCountsRecord } from '../../src/parsers/stat';
import { fixture } from '../support/fixtures';

describe('stat', () => {
  it('parses Linux 6.x', () => {
    const records = parseStat(fixture('proc/stat'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({
      kind: 'cpu',
      name: 'cpu',
      user: 942,
      nice: 0,
      system: 285,
      idle: 43605,
      iowait: 28,
      irq: 0,
      softirq: 25,
      steal: 0,
      guest: 0,
      guest_nice: 0,
    });
    expect(records[2]).to.include({ kind: 'cpu', name: 'cpu1', user: 603, system: 177, idle: 21631, iowait: 28, softirq: 13 });
    const intr = records[3] as StatCountsRecord;
    expect(intr).to.include({ kind: 'counts', name: 'intr', total: 126616 });
    expect(intr.counts).to.have.length(424);
    expect(intr.counts.slice(24, 28)).to.deep.equal([1, 1, 6, 0]);
    expect(intr.counts[36]).to.equal(5772);
    expect(records[4]).to.deep.equal({ kind: 'value', name: 'ctxt', value: 302388 });
    expect(records[5]).to.deep.equal({ kind: 'value', name: 'btime', value: 1795685203 });
    expect(records[8]).to.deep.equal({ kind: 'value', name: 'procs_blocked', value: 0 });
    expect(records[9]).to.deep.equal({
      kind: 'counts',
      name: 'softirq',
      total: 39500,
      counts: [0, 4889, 5, 4769, 5772, 0, 2, 13495, 0, 10568],
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseStat(fixture('linux-3.2/proc/stat'));
    expect(records).to.have.length(16);
    expect(records[0]).to.deep.equal({
      kind: 'cpu',
      name: 'cpu',
      user: 16227660,
      nice: 208781,
      system: 5386332,
      idle: 2170952533,
      iowait: 2218674,
      irq: 305,
      softirq: 55746,
      steal: 7,
      guest: 8,
      guest_nice: 9,
    });
    expect(records[8]).to.include({ name: 'cpu7', user: 659543, nice: 24716, softirq: 136 });
    const intr = records[9] as StatCountsRecord;
    expect(intr.total).to.equal(1419624060);
    expect(intr.counts).to.have.length(1152);
    expect(intr.counts.slice(0, 3)).to.deep.equal([9215, 3, 0]);
    expect(intr.counts[1151]).to.equal(9999);
    expect(records[11]).to.deep.equal({ kind: 'value', name: 'btime', value: 1390806357 });
    expect(records[15]).to.deep.equal({
      kind: 'counts',
      name: 'softirq',
      total: 911730395,
      counts: [0, 370255481, 549283, 27943519, 63372796, 0, 937362, 225584325, 475801, 222611828],
    });
  });

  it('leaves out cpu columns an old kernel does not print', () => {
    const [cpu] = parseStat('cpu  1 2 3 4 5 6 7\n');
    expect(cpu).to.deep.equal({ kind: 'cpu', name: 'cpu', user: 1, nice: 2, system: 3, idle: 4, iowait: 5, irq: 6, softirq: 7 });
    expect(cpu).to.not.have.property('steal');
  });

  it('keeps lines of other kernels under their own names', () => {
    expect(parseStat('cpu  1 2 3 4\npage 5741 1808\nnew_counter 12\n').slice(1)).to.deep.equal([
      { kind: 'values', name: 'page', values: [5741, 1808] },
      { kind: 'value', name: 'new_counter', value: 12 },
    ]);
  });

  it('rejects text where a tick count must be', () => {
    expect(() => parseStat('cpu  1 2 3 4\ncpu0 1 x 3 4\n', '/tmp/stat')).to.throw(
      ParseError,
      /\/tmp\/stat:2: nice is not an unsigned integer \("x"\)/,
    );
  });

  it('rejects a truncated cpu line', () => {
    expect(() => parseStat('cpu  1 2 3\n')).to.throw(ParseError, /stat:1: expected at least user nice system idle, found 3 values/);
  });

  it('is not fooled by other files named stat: /proc/fs/xfs/stat and /sys/block/*/stat copies fail at line 1', () => {
    // fs/xfs/xfs_stats.c, xfs_stats_format(): "extent_alloc %u %u %u %u", …
    const xfs = 'extent_alloc 4 32 2 32\nabt 0 0 0 0\nblk_map 4113 1284 54 4 51 5461 0\n';
    expect(() => parseStat(xfs, 'copy/stat')).to.throw(
      ParseError,
      'copy/stat:1: expected the all-CPU "cpu" line first (as /proc/stat starts): "extent_alloc 4 32 2 32"',
    );
    // block/genhd.c, part_stat_show(): eleven to seventeen "%8lu" columns, no name.
    const block = '     338        0    21282      123        0        0        0        0        0      180      123\n';
    expect(() => parseStat(block, 'sda/stat')).to.throw(ParseError, /^sda\/stat:1: expected the all-CPU "cpu" line first/);
    // A cpu line that is not cpu/cpuN, a value past float64, a signed value.
    expect(() => parseStat('cpu  1 2 3 4\ncpufreq 1 2 3 4\n')).to.throw(ParseError, 'stat:2: expected "cpu" or "cpuN", found "cpufreq"');
    expect(() => parseStat(`cpu  1 2 3 4\nctxt ${'9'.repeat(400)}\n`)).to.throw(ParseError, 'stat:2: ctxt is out of range (400 digits)');
    expect(() => parseStat('cpu  1 2 3 4\nprocs_running -1\n')).to.throw(
      ParseError,
      'stat:2: procs_running is not an unsigned integer ("-1")',
    );
    expect(() => parseStat('cpu  1 2 3 4\nCtxt 1\n')).to.throw(ParseError, 'stat:2: expected a line name, found "Ctxt"');
  });
});
