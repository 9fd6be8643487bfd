import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSockstat } from '../../../src/parsers/formats/sockstat';
import { fixture } from '../../support/fixtures';

describe('net/sockstat', () => {
  it('parses Linux 6.x, one record per protocol line', () => {
    const records = parseSockstat(fixture('proc/net/sockstat'));
    expect(records).to.have.length(6);
    expect(records[0]).to.deep.equal({ protocol: 'sockets', values: { used: 8 } });
    expect(records[1]).to.deep.equal({ protocol: 'TCP', values: { inuse: 1, orphan: 0, tw: 0, alloc: 1, mem: 201 } });
    expect(records[5]).to.deep.equal({ protocol: 'FRAG', values: { inuse: 0, memory: 0 } });
  });

  it('parses Linux 3.2', () => {
    const records = parseSockstat(fixture('linux-3.2/proc/net/sockstat'));
    expect(records).to.have.length(6);
    expect(records[0]).to.deep.equal({ protocol: 'sockets', values: { used: 884 } });
    expect(records[1].values).to.deep.equal({ inuse: 37, orphan: 0, tw: 0, alloc: 46, mem: 465 });
  });

  it('rejects an odd name/value list', () => {
    expect(() => parseSockstat('sockets: used 8\nTCP: inuse 1 orphan\n')).to.throw(
      ParseError,
      /net\/sockstat:2: expected name\/value pairs/,
    );
  });
});
