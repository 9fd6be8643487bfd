import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { raw } from '../../../src/parsers/net/raw';
import { fixture } from '../../support/fixtures';

describe('net/raw', () => {
  it('parses Linux 6.x: an ICMP raw socket (the local port is the protocol)', () => {
    const records = raw.parse(fixture('proc/net/raw'), 'net/raw');
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.equal({
      sl: 150,
      local_address: '00000000:0001',
      rem_address: '00000000:0000',
      local_ip: '0.0.0.0',
      local_port: 1,
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
      inode: 14194,
      ref: 2,
      pointer: '0000000050fc4ebb',
      drops: 0,
    });
  });

  it('rejects a non-hex state', () => {
    const text =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      ' 150: 00000000:0001 00000000:0000 QQ 00000000:00000000 00:00000000 00000000     0        0 14194 2 0000000050fc4ebb 0\n';
    expect(() => raw.parse(text, 'net/raw')).to.throw(ParseError, /net\/raw:2: st is not hexadecimal \("QQ"\)/);
  });
});
