import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXtNames } from '../../../src/parsers/formats/xt-names';
import { fixture } from '../../support/fixtures';

describe('net/ip_tables_targets', () => {
  it('parses Linux 6.x, one record per name', () => {
    const records = parseXtNames(fixture('proc/net/ip_tables_targets'), 'net/ip_tables_targets');
    expect(records).to.have.length(49);
    expect(records[0]).to.deep.equal({ name: 'NFQUEUE' });
    expect(records[48]).to.deep.equal({ name: 'MARK' });
  });

  it('parses Linux 3.2', () => {
    const records = parseXtNames(fixture('linux-3.2/proc/net/ip_tables_targets'), 'net/ip_tables_targets');
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({ name: 'REJECT' });
    expect(records[2]).to.deep.equal({ name: 'ERROR' });
  });

  it('rejects a line with two words', () => {
    expect(() => parseXtNames('filter\nnat table\n', 'net/ip_tables_targets')).to.throw(
      ParseError,
      /net\/ip_tables_targets:2: expected one name per line/,
    );
  });
});
