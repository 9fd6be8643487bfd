import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseDevMcast } from '../../../src/parsers/net/dev_mcast';
import { fixture } from '../../support/fixtures';

describe('net/dev_mcast', () => {
  it('parses Linux 6.x', () => {
    const records = parseDevMcast(fixture('proc/net/dev_mcast'));
    expect(records).to.have.length(6);
    expect(records[0]).to.deep.equal({ ifindex: 2, device: 'ifb0', refcount: 1, global_use: 0, address: '333300000001' });
    expect(records[5]).to.deep.equal({ ifindex: 4, device: 'eth0', refcount: 1, global_use: 0, address: '3333ff000002' });
  });

  it('parses Linux 3.2', () => {
    const records = parseDevMcast(fixture('linux-3.2/proc/net/dev_mcast'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({ ifindex: 2, device: 'eth0', refcount: 1, global_use: 0, address: '01005e000001' });
    expect(records[2]).to.include({ address: '3333ff01e486' });
  });

  it('rejects a non-numeric refcount', () => {
    expect(() => parseDevMcast('2    eth0            one   0     01005e000001\n')).to.throw(
      ParseError,
      /net\/dev_mcast:1: refcount is not an integer/,
    );
  });
});
