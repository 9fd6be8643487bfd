import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseRpcNfsd } from '../../../../src/parsers/formats/rpc-stats';
import { fixture } from '../../../support/fixtures';

describe('net/rpc/nfsd', () => {
  it('parses the synthetic server file with procfs names', () => {
    const records = parseRpcNfsd(fixture('synthetic/proc/net/rpc/nfsd'));
    expect(records).to.have.length(11);
    expect(records[0]).to.deep.equal({ line: 'rc', values: { Hits: 0, Misses: 4810, NoCache: 4820 } });
    expect(records[1]).to.deep.equal({ line: 'fh', values: { Stale: 0, TotalLookups: 0, AnonLookups: 0, DirNoCache: 0, NoDirNoCache: 0 } });
    expect(records[2]).to.deep.equal({ line: 'io', values: { Read: 40960512, Write: 88123392 } });
    expect(records[3].line).to.equal('th');
    expect(records[3].values).to.include({ Threads: 8, FullCnt: 0, value3: 0, value12: 0 });
    expect(records[4].values).to.include({ CacheSize: 0, CacheHistogram1: 0, CacheHistogram10: 0, NotFound: 0 });
    expect(records[5]).to.deep.equal({ line: 'net', values: { NetCount: 17065, UDPCount: 0, TCPCount: 17065, TCPConnect: 6 } });
    expect(records[6]).to.deep.equal({ line: 'rpc', values: { RPCCount: 17065, BadCnt: 0, BadFmt: 0, BadAuth: 0, BadcInt: 0 } });
    expect(records[7].values).to.include({ Null: 2, GetAttr: 3120, Commit: 640 });
    expect(records[8]).to.deep.equal({ line: 'proc4', count: 2, values: { Null: 4, Compound: 2100 } });
    expect(records[9].count).to.equal(75);
    expect(records[9].values).to.include({
      Access: 120,
      GetAttr: 1420,
      PutFH: 2100,
      Read: 310,
      RelLockOwner: 0,
      value41: 0,
      value45: 2100,
      value75: 0,
    });
    expect(records[10]).to.deep.equal({ line: 'wdeleg_getattr', values: { value1: 0 } });
  });

  it('reads the thread histogram floats of older kernels', () => {
    expect(parseRpcNfsd('th 8 594 3733.720 83.700 0.000 0.000 0.000 0.000 0.000 0.000 0.000 0.340\n')[0].values).to.include({
      Threads: 8,
      FullCnt: 594,
      value3: 3733.72,
    });
  });

  it('rejects a label without values', () => {
    expect(() => parseRpcNfsd('rc 0 1 2\nio\n')).to.throw(ParseError, /net\/rpc\/nfsd:2: expected "io values…"/);
  });
});
