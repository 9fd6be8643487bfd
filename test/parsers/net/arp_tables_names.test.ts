import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/arp_tables_names', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseXtNames(fixture('proc/net/arp_tables_names'), 'net/arp_tables_names')).to.deep.equal([]);
  });

  it('parses one name per line, keeping the order', () => {
    expect(parseXtNames('filter\nmangle\n', 'net/arp_tables_names')).to.deep.equal([{ name: 'filter' }, { name: 'mangle' }]);
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/arp_tables_names')).to.throw(
      ParseError,
      /net\/arp_tables_names:2: expected one name per line/,
    );
  });
});
