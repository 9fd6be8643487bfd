import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/ip_tables_matches', () => {
  it('parses Linux 6.x, one record per name', () => {
    const records = parseXtNames(fixture('proc/net/ip_tables_matches'), 'net/ip_tables_matches');
    expect(records).to.have.length(70);
    expect(records[0]).to.deep.equal({ name: 'u32' });
    expect(records[69]).to.deep.equal({ name: 'tcp' });
  });

  it('parses Linux 3.2', () => {
    const records = parseXtNames(fixture('linux-3.2/proc/net/ip_tables_matches'), 'net/ip_tables_matches');
    expect(records).to.have.length(9);
    expect(records[0]).to.deep.equal({ name: 'limit' });
    expect(records[8]).to.deep.equal({ name: 'icmp' });
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/ip_tables_matches')).to.throw(
      ParseError,
      /net\/ip_tables_matches:2: expected one name per line/,
    );
  });
});
