import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/ip_tables_names', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseXtNames(fixture('proc/net/ip_tables_names'), 'net/ip_tables_names')).to.deep.equal([]);
  });

  it('parses one name per line, keeping the order', () => {
    expect(parseXtNames('filter\nmangle\n', 'net/ip_tables_names')).to.deep.equal([{ name: 'filter' }, { name: 'mangle' }]);
  });

  it('parses Linux 3.2', () => {
    const records = parseXtNames(fixture('linux-3.2/proc/net/ip_tables_names'), 'net/ip_tables_names');
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.equal({ name: 'filter' });
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/ip_tables_names')).to.throw(
      ParseError,
      /net\/ip_tables_names:2: expected one name per line/,
    );
  });
});
