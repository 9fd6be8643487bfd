import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/rt_cache', () => {
  it('parses Linux 6.x', () => {
    const records = parseNetStat(fixture('proc/net/stat/rt_cache'), 'net/stat/rt_cache');
    expect(records).to.have.length(2);
    expect(records[0]).to.include({ cpu: 0, entries: 5, in_slow_tot: 0, out_slow_tot: 2, out_hlist_search: 0 });
    expect(records[1]).to.include({ cpu: 1, entries: 5, in_slow_tot: 1, out_slow_tot: 2 });
  });

  it('parses Linux 3.2 (trailing space on each row)', () => {
    const records = parseNetStat(fixture('linux-3.2/proc/net/stat/rt_cache'), 'net/stat/rt_cache');
    expect(records).to.have.length(8);
    expect(records[0]).to.include({
      cpu: 0,
      entries: 47,
      in_hit: 4881154,
      in_slow_tot: 212682,
      in_brd: 22889,
      in_martian_src: 33,
      out_hit: 63723,
      out_slow_tot: 8334,
      out_slow_mc: 1,
      in_hlist_search: 577474,
      out_hlist_search: 10,
    });
    expect(records[7]).to.include({ cpu: 7, entries: 47, in_slow_tot: 2, out_hit: 59043, out_slow_tot: 5291, out_hlist_search: 3 });
  });

  it('rejects a value that is not hex', () => {
    expect(() => parseNetStat('entries  in_hit\n0000002f  -1\n', 'net/stat/rt_cache')).to.throw(
      ParseError,
      /net\/stat\/rt_cache:2: in_hit is not hexadecimal/,
    );
  });
});
