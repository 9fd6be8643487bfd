import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/arp_tables_matches', () => {
  it('parses Linux 6.x, one record per name', () => {
    const records = parseXtNames(fixture('proc/net/arp_tables_matches'), 'net/arp_tables_matches');
    expect(records).to.have.length(27);
    expect(records[0]).to.deep.equal({ name: 'u32' });
    expect(records[26]).to.deep.equal({ name: 'mark' });
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/arp_tables_matches')).to.throw(
      ParseError,
      /net\/arp_tables_matches:2: expected one name per line/,
    );
  });
});
