import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseNetlink } from '../../../src/parsers/net/netlink';
import { fixture } from '../../support/fixtures';

describe('net/netlink', () => {
  it('parses Linux 6.x', () => {
    const records = parseNetlink(fixture('proc/net/netlink'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({
      sk: '00000000eecf275b',
      Eth: 0,
      Pid: 0,
      Groups: '00000000',
      Rmem: 0,
      Wmem: 0,
      Dump: '0',
      Locks: 2,
      Drops: 0,
      Inode: 4,
    });
    expect(records[9]).to.deep.equal({
      sk: '0000000095c1164d',
      Eth: 16,
      Pid: 0,
      Groups: '00000000',
      Rmem: 0,
      Wmem: 0,
      Dump: '0',
      Locks: 2,
      Drops: 0,
      Inode: 5,
    });
  });

  it('parses Linux 3.2 (Dump is a callback address there)', () => {
    const records = parseNetlink(fixture('linux-3.2/proc/net/netlink'));
    expect(records).to.have.length(48);
    expect(records[0]).to.deep.equal({
      sk: 'ffff8807e14d9400',
      Eth: 0,
      Pid: 1450,
      Groups: '00000440',
      Rmem: 0,
      Wmem: 0,
      Dump: '0000000000000000',
      Locks: 2,
      Drops: 0,
      Inode: 10654,
    });
    expect(records[47]).to.include({ sk: 'ffff8807fa502000', Eth: 18, Pid: 0, Inode: 19 });
  });

  it('rejects a truncated row', () => {
    const text =
      'sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n00000000eecf275b 0   0          00000000 0\n';
    expect(() => parseNetlink(text)).to.throw(ParseError, /net\/netlink:2: expected 10 columns as the header names, found 5/);
  });
});
