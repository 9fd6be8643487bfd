import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/arp_tables_targets', () => {
  it('parses Linux 6.x, one record per name', () => {
    const records = parseXtNames(fixture('proc/net/arp_tables_targets'), 'net/arp_tables_targets');
    expect(records).to.have.length(13);
    expect(records[0]).to.deep.equal({ name: 'NFQUEUE' });
    expect(records[12]).to.deep.equal({ name: 'MARK' });
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/arp_tables_targets')).to.throw(
      ParseError,
      /net\/arp_tables_targets:2: expected one name per line/,
    );
  });
});
