import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseBluetoothSockets } from '../../../src/parsers/formats/bluetooth';
import { fixture } from '../../support/fixtures';

describe('net/l2cap', () => {
  it('parses Linux 3.2', () => {
    const records = parseBluetoothSockets(fixture('linux-3.2/proc/net/l2cap'), 'net/l2cap');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      sk: 'ffff8807fd1c5800',
      RefCnt: 2,
      Rmem: 0,
      Wmem: 0,
      User: 0,
      Inode: 10700,
      Src: '00:00:00:00:00:00',
      Dst: '00:00:00:00:00:00',
      Parent: 0,
    });
    expect(records[1]).to.deep.equal({
      sk: 'ffff8807fc61c800',
      RefCnt: 2,
      Rmem: 0,
      Wmem: 0,
      User: 0,
      Inode: 9926,
      Src: '00:00:00:00:00:00',
      Dst: '00:00:00:00:00:00',
      Parent: 0,
    });
  });

  it('rejects a truncated row', () => {
    const text = 'sk               RefCnt Rmem   Wmem   User   Inode  Src Dst Parent\nffff8807fd1c5800 2      0      0      0      10700\n';
    expect(() => parseBluetoothSockets(text, 'net/l2cap')).to.throw(
      ParseError,
      /net\/l2cap:2: expected 9 columns as the header names, found 6/,
    );
  });

  it('rejects a file without the sk header', () => {
    expect(() => parseBluetoothSockets('ffff8807fd1c5800 2 0 0 0 10700 0\n', 'net/l2cap')).to.throw(
      ParseError,
      /net\/l2cap:1: expected the header starting with "sk"/,
    );
  });
});
