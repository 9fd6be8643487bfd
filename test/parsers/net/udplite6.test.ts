import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { udplite6 } from '../../../src/parsers/net/udplite6';
import { fixture } from '../../support/fixtures';

describe('net/udplite6', () => {
  it('parses Linux 6.x', () => {
    const records = udplite6.parse(fixture('proc/net/udplite6'), 'net/udplite6');
    expect(records).to.have.length(1);
    expect(records[0]).to.include({
      sl: 13286,
      local_ip: '::',
      local_port: 40131,
      rem_ip: '::',
      rem_port: 0,
      st: '07',
      state: 'CLOSE',
      inode: 14193,
      ref: 2,
      pointer: '00000000d55305d3',
      drops: 0,
    });
  });

  it('rejects a missing header', () => {
    expect(() => udplite6.parse('13286: 00000000000000000000000000000000:9CC3\n', 'net/udplite6')).to.throw(
      ParseError,
      /net\/udplite6:1: expected the header line/,
    );
  });
});
