import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseBluetoothSockets } from '../../../src/parsers/formats/bluetooth';
import { fixture } from '../../support/fixtures';

describe('net/bnep', () => {
  it('parses Linux 3.2 (with Src and Dst columns)', () => {
    expect(parseBluetoothSockets(fixture('linux-3.2/proc/net/bnep'), 'net/bnep')).to.deep.equal([
      {
        sk: 'ffff880800b39c00',
        RefCnt: 2,
        Rmem: 0,
        Wmem: 0,
        User: 0,
        Inode: 7816,
        Src: '00:00:00:00:00:00',
        Dst: '00:00:00:00:00:00',
        Parent: 0,
      },
    ]);
  });

  it('parses the newer header without Src and Dst', () => {
    const text = 'sk               RefCnt Rmem   Wmem   User   Inode  Parent\n0000000000000000 2      0      0      1000   40213  0     \n';
    expect(parseBluetoothSockets(text, 'net/bnep')).to.deep.equal([
      { sk: '0000000000000000', RefCnt: 2, Rmem: 0, Wmem: 0, User: 1000, Inode: 40213, Parent: 0 },
    ]);
  });

  it('rejects a non-numeric Inode', () => {
    const text = 'sk               RefCnt Rmem   Wmem   User   Inode  Parent\n0000000000000000 2      0      0      1000   x      0     \n';
    expect(() => parseBluetoothSockets(text, 'net/bnep')).to.throw(ParseError, /net\/bnep:2: Inode is not an integer/);
  });
});
