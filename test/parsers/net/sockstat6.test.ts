import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSockstat } from '../../../src/parsers/formats/sockstat';
import { fixture } from '../../support/fixtures';

describe('net/sockstat6', () => {
  it('parses the IPv6 protocols (Linux 3.2)', () => {
    const records = parseSockstat(fixture('linux-3.2/proc/net/sockstat6'), 'net/sockstat6');
    expect(records).to.have.length(5);
    expect(records[0]).to.deep.equal({ protocol: 'TCP6', values: { inuse: 8 } });
    expect(records[4]).to.deep.equal({ protocol: 'FRAG6', values: { inuse: 0, memory: 0 } });
  });

  it('rejects a non-numeric value', () => {
    expect(() => parseSockstat('TCP6: inuse many\n', 'net/sockstat6')).to.throw(ParseError, /net\/sockstat6:1: inuse is not an integer/);
  });
});
