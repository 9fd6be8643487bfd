import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/ndisc_cache', () => {
  it('parses Linux 6.x', () => {
    const records = parseNetStat(fixture('proc/net/stat/ndisc_cache'), 'net/stat/ndisc_cache');
    expect(records).to.have.length(2);
    expect(records[0]).to.include({ cpu: 0, entries: 4, allocs: 3, res_failed: 1, periodic_gc_runs: 13, table_fulls: 0 });
    expect(records[1]).to.include({ cpu: 1, entries: 4, allocs: 1, res_failed: 0, periodic_gc_runs: 0 });
  });

  it('parses Linux 3.2', () => {
    const records = parseNetStat(fixture('linux-3.2/proc/net/stat/ndisc_cache'), 'net/stat/ndisc_cache');
    expect(records).to.have.length(8);
    expect(records[0]).to.include({ cpu: 0, entries: 1, allocs: 884, lookups: 951, hits: 34 });
    expect(records[7]).to.include({ cpu: 7, entries: 1, allocs: 0, lookups: 0 });
  });

  it('rejects a row longer than the header', () => {
    expect(() => parseNetStat('entries\n00000004 00000001\n', 'net/stat/ndisc_cache')).to.throw(
      ParseError,
      /net\/stat\/ndisc_cache:2: expected 1 columns/,
    );
  });
});
