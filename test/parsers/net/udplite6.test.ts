import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseUdplite6 } from '../../../src/parsers/net/sockets';
import { fixture } from '../../support/fixtures';

describe('net/udplite6', () => {
  it('parses Linux 6.x', () => {
    const records = parseUdplite6(fixture('proc/net/udplite6'));
    expect(records).to.have.length(1);
    expect(records[0]).to.include({
      sl: 13286, local_ip: '::', local_port: 40131, rem_ip: '::', rem_port: 0,
      st: '07', state: 'CLOSE', inode: 14193, ref: 2, pointer: '00000000d55305d3', drops: 0,
    });
  });

  it('rejects a missing header', () => {
    expect(() => parseUdplite6('13286: 00000000000000000000000000000000:9CC3\n')).to.throw(ParseError, /net\/udplite6:1: expected the header line/);
  });
});
