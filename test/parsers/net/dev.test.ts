import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseDev } from '../../../src/parsers/net/dev';
import { fixture } from '../../support/fixtures';

describe('net/dev', () => {
  it('parses Linux 6.x', () => {
    const records = parseDev(fixture('proc/net/dev'));
    expect(records.map((r) => r.interface)).to.deep.equal(['lo', 'ifb0', 'ifb1', 'eth0']);
    expect(records[0]).to.deep.equal({
      interface: 'lo',
      receive: { bytes: 3193, packets: 29, errs: 0, drop: 0, fifo: 0, frame: 0, compressed: 0, multicast: 0 },
      transmit: { bytes: 3193, packets: 29, errs: 0, drop: 0, fifo: 0, colls: 0, carrier: 0, compressed: 0 },
    });
    expect(records[3].receive).to.include({ bytes: 60513987, packets: 2835 });
    expect(records[3].transmit).to.include({ bytes: 396391, packets: 2502 });
  });

  it('parses Linux 3.2', () => {
    const records = parseDev(fixture('linux-3.2/proc/net/dev'));
    expect(records).to.have.length(2);
    expect(records[0].receive).to.include({ bytes: 35154655, packets: 318872 });
    expect(records[1]).to.deep.equal({
      interface: 'eth0',
      receive: { bytes: 4955662683, packets: 5942493, errs: 0, drop: 0, fifo: 0, frame: 0, compressed: 0, multicast: 916815 },
      transmit: { bytes: 747662119, packets: 4313005, errs: 0, drop: 0, fifo: 0, colls: 0, carrier: 0, compressed: 0 },
    });
  });

  it('reads a name joined to its first counter (old kernels printed "%6s:%8lu")', () => {
    const header =
      'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
    expect(parseDev(`${header}  eth0:123456789 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n`)[0].receive.bytes).to.equal(123456789);
  });

  it('rejects a missing counter', () => {
    const header =
      'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
    expect(() =>
      parseDev(
        `${header}    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0\n`,
      ),
    ).to.throw(ParseError, /net\/dev:3: expected 16 counters, found 15/);
  });
});
