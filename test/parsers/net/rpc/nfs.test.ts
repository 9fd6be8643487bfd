import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseRpcNfs } from '../../../../src/parsers/formats/rpc-stats';
import { fixture } from '../../../support/fixtures';

describe('net/rpc/nfs', () => {
  it('parses the synthetic client file with procfs names', () => {
    const records = parseRpcNfs(fixture('synthetic/proc/net/rpc/nfs'));
    expect(records).to.have.length(4);
    expect(records[0]).to.deep.equal({ line: 'net', values: { NetCount: 0, UDPCount: 0, TCPCount: 0, TCPConnect: 0 } });
    expect(records[1]).to.deep.equal({ line: 'rpc', values: { RPCCount: 23740, Retransmissions: 0, AuthRefreshes: 0 } });
    expect(records[2].count).to.equal(22);
    expect(records[2].values).to.include({
      Null: 0,
      GetAttr: 1240,
      SetAttr: 18,
      Lookup: 2210,
      Access: 1980,
      Read: 6205,
      Write: 3110,
      Commit: 901,
    });
    expect(Object.keys(records[2].values)).to.have.length(22);
    const last = records[3];
    expect(last.line).to.equal('proc4');
    expect(last.count).to.equal(69);
    expect(last.values).to.include({ Null: 0, Read: 310, Write: 540, Commit: 120, Open: 95, ExchangeID: 1, Sequence: 4210, Clone: 0 });
    // Values past procfs's 59 names keep their position.
    expect(last.values).to.include({ value60: 0, value69: 0 });
    expect(Object.keys(last.values)).to.have.length(69);
  });

  it('rejects a procN line whose count does not match', () => {
    expect(() => parseRpcNfs('net 0 0 0 0\nproc3 22 1 2 3\n')).to.throw(ParseError, /net\/rpc\/nfs:2: count says 22 values, found 3/);
  });

  it('rejects a non-numeric value', () => {
    expect(() => parseRpcNfs('rpc 12 x 0\n')).to.throw(ParseError, /net\/rpc\/nfs:1: Retransmissions is not an integer/);
  });

  it('rejects a fraction outside the thread line', () => {
    expect(() => parseRpcNfs('rpc 12 1.5 0\n')).to.throw(ParseError, /net\/rpc\/nfs:1: Retransmissions is not an integer/);
  });
});
