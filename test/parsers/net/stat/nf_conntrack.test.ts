import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/nf_conntrack', () => {
  it('parses Linux 6.x, keeping the newer columns (clashres, chainlength)', () => {
    const records = parseNetStat(fixture('proc/net/stat/nf_conntrack'), 'net/stat/nf_conntrack');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      cpu: 0,
      entries: 0,
      clashres: 0,
      found: 0,
      new: 0,
      invalid: 0,
      ignore: 0,
      delete: 0,
      chainlength: 0,
      insert: 0,
      insert_failed: 0,
      drop: 0,
      early_drop: 0,
      icmp_error: 0,
      expect_new: 0,
      expect_create: 0,
      expect_delete: 0,
      search_restart: 0,
    });
    expect(records[1]).to.include({ cpu: 1, entries: 0, search_restart: 0 });
  });

  it('parses Linux 3.2', () => {
    const records = parseNetStat(fixture('linux-3.2/proc/net/stat/nf_conntrack'), 'net/stat/nf_conntrack');
    expect(records).to.have.length(8);
    expect(records[0]).to.include({ cpu: 0, entries: 22, searched: 36011, found: 6823131, new: 436679, invalid: 225, expect_create: 1 });
    expect(records[7]).to.include({
      cpu: 7,
      entries: 22,
      searched: 178,
      found: 37557,
      new: 12554,
      ignore: 34002,
      delete: 15124,
      delete_list: 15124,
      insert: 12554,
    });
  });

  it('rejects a non-hex value', () => {
    expect(() => parseNetStat('entries  searched\n00000016  0000xyz1\n', 'net/stat/nf_conntrack')).to.throw(
      ParseError,
      /net\/stat\/nf_conntrack:2: searched/,
    );
  });
});
