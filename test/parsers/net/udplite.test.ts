import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { udplite } from '../../../src/parsers/net/udplite';
import { fixture } from '../../support/fixtures';

describe('net/udplite', () => {
  it('parses Linux 6.x', () => {
    const records = udplite.parse(fixture('proc/net/udplite'), 'net/udplite');
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.equal({
      sl: 13285,
      local_address: '0100007F:9CC2',
      rem_address: '00000000:0000',
      local_ip: '127.0.0.1',
      local_port: 40130,
      rem_ip: '0.0.0.0',
      rem_port: 0,
      st: '07',
      state: 'CLOSE',
      tx_queue: 0,
      rx_queue: 0,
      tr: 0,
      timer: 'off',
      tm_when: 0,
      retrnsmt: 0,
      uid: 0,
      timeout: 0,
      inode: 14192,
      ref: 2,
      pointer: '00000000369e5d70',
      drops: 0,
    });
  });

  it('rejects a row without the "sl:" slot', () => {
    const text =
      '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '13285 0100007F:9CC2 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 14192 2 00000000369e5d70 0\n';
    expect(() => udplite.parse(text, 'net/udplite')).to.throw(ParseError, /net\/udplite:2: expected "sl:" first/);
  });
});
