import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/arp_cache', () => {
  it('parses Linux 6.x, one record per CPU row, hex as numbers', () => {
    const records = parseNetStat(fixture('proc/net/stat/arp_cache'), 'net/stat/arp_cache');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      cpu: 0,
      entries: 2,
      allocs: 2,
      destroys: 0,
      hash_grows: 0,
      lookups: 4,
      hits: 0,
      res_failed: 0,
      rcv_probes_mcast: 0,
      rcv_probes_ucast: 0,
      periodic_gc_runs: 14,
      forced_gc_runs: 0,
      unresolved_discards: 0,
      table_fulls: 0,
    });
    expect(records[1]).to.include({ cpu: 1, entries: 2, allocs: 0, lookups: 2, hits: 2, periodic_gc_runs: 0 });
  });

  it('parses Linux 3.2 (no table_fulls column: absent)', () => {
    const records = parseNetStat(fixture('linux-3.2/proc/net/stat/arp_cache'), 'net/stat/arp_cache');
    expect(records).to.have.length(8);
    expect(records[0]).to.include({
      cpu: 0,
      entries: 3,
      allocs: 19,
      destroys: 88,
      lookups: 202098,
      hits: 21153,
      res_failed: 2,
      periodic_gc_runs: 74095,
    });
    expect(records[0]).to.not.have.property('table_fulls');
    expect(records[7]).to.include({ cpu: 7, entries: 3, allocs: 16, lookups: 0, res_failed: 2 });
  });

  it('rejects a value that is not hex', () => {
    expect(() => parseNetStat('entries  allocs\n00000002 0000zz02\n', 'net/stat/arp_cache')).to.throw(
      ParseError,
      /net\/stat\/arp_cache:2: allocs is not hexadecimal/,
    );
  });

  it('rejects a row shorter than the header', () => {
    expect(() => parseNetStat('entries  allocs destroys\n00000002 00000002\n', 'net/stat/arp_cache')).to.throw(
      ParseError,
      /net\/stat\/arp_cache:2: expected 3 columns as the header names, found 2/,
    );
  });
});
