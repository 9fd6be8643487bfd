import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePacket } from '../../../src/parsers/net/packet';
import { fixture } from '../../support/fixtures';

describe('net/packet', () => {
  it('parses Linux 6.x', () => {
    const records = parsePacket(fixture('proc/net/packet'));
    expect(records).to.have.length(2);
    // "000000000aa33392 3      3    0806   4     1 0      0      14196 "
    expect(records[0]).to.deep.equal({
      sk: '000000000aa33392',
      RefCnt: 3,
      Type: 3,
      Proto: '0806',
      Iface: 4,
      R: 1,
      Rmem: 0,
      User: 0,
      Inode: 14196,
    });
    expect(records[1]).to.deep.equal({
      sk: '00000000a6ef5b2c',
      RefCnt: 3,
      Type: 2,
      Proto: '88cc',
      Iface: 0,
      R: 1,
      Rmem: 0,
      User: 0,
      Inode: 14629,
    });
  });

  it('parses Linux 3.2', () => {
    expect(parsePacket(fixture('linux-3.2/proc/net/packet'))).to.deep.equal([
      { sk: 'ffff8807bc89a000', RefCnt: 3, Type: 3, Proto: '0003', Iface: 2, R: 1, Rmem: 0, User: 0, Inode: 23744 },
    ]);
  });

  it('keeps a column a newer kernel adds to the header', () => {
    const text =
      'sk               RefCnt Type Proto  Iface R Rmem   User   Inode  Drops\n000000000aa33392 3      3    0806   4     1 0      0      14196  7\n';
    expect(parsePacket(text)[0]).to.include({ Inode: 14196, Drops: 7 });
  });

  it('rejects a non-numeric RefCnt', () => {
    const text =
      'sk               RefCnt Type Proto  Iface R Rmem   User   Inode\n000000000aa33392 x      3    0806   4     1 0      0      14196\n';
    expect(() => parsePacket(text)).to.throw(ParseError, /net\/packet:2: RefCnt is not an integer/);
  });
});
