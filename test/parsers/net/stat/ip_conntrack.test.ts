import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/ip_conntrack', () => {
  it('parses Linux 3.2', () => {
    const records = parseNetStat(fixture('linux-3.2/proc/net/stat/ip_conntrack'), 'net/stat/ip_conntrack');
    expect(records).to.have.length(8);
    expect(records[0]).to.include({ cpu: 0, entries: 21, searched: 36011, found: 6819994, new: 436578, invalid: 225, expect_create: 1 });
    expect(records[7]).to.include({
      cpu: 7,
      entries: 21,
      searched: 178,
      found: 37542,
      new: 12546,
      ignore: 33983,
      delete: 15110,
      insert: 12546,
    });
  });

  it('rejects a truncated row', () => {
    expect(() => parseNetStat('entries  searched found\n00000015  00008cab\n', 'net/stat/ip_conntrack')).to.throw(
      ParseError,
      /net\/stat\/ip_conntrack:2: expected 3 columns/,
    );
  });
});
