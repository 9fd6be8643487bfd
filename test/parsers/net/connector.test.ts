import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseConnector } from '../../../src/parsers/net/connector';
import { fixture } from '../../support/fixtures';

describe('net/connector', () => {
  it('parses Linux 6.x', () => {
    const records = parseConnector(fixture('proc/net/connector'));
    expect(records).to.deep.equal([{ Name: 'cn_proc', ID: '1:1', idx: 1, val: 1 }]);
  });

  it('parses Linux 3.2', () => {
    const records = parseConnector(fixture('linux-3.2/proc/net/connector'));
    expect(records).to.deep.equal([{ Name: 'cn_proc', ID: '1:6', idx: 1, val: 6 }]);
  });

  it('rejects an ID that is not idx:val', () => {
    expect(() => parseConnector('Name            ID\ncn_proc         1-1\n')).to.throw(
      ParseError,
      /net\/connector:2: expected the ID as "idx:val"/,
    );
  });

  it('rejects a non-numeric idx', () => {
    expect(() => parseConnector('Name            ID\ncn_proc         a:1\n')).to.throw(
      ParseError,
      /net\/connector:2: idx is not an integer/,
    );
  });
});
