import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIp6Flowlabel } from '../../../src/parsers/net/ip6_flowlabel';
import { fixture } from '../../support/fixtures';

describe('net/ip6_flowlabel', () => {
  it('gives [] for this machine (header only)', () => {
    expect(parseIp6Flowlabel(fixture('proc/net/ip6_flowlabel'))).to.deep.equal([]);
  });

  it('parses the synthetic ip6fl_seq_show() rows', () => {
    const records = parseIp6Flowlabel(fixture('synthetic/proc/net/ip6_flowlabel'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      Label: '1A2B3',
      S: 2,
      Owner: 4242,
      Users: 1,
      Linger: 6,
      Expires: 59,
      Dst: 'fd000000000000000000000000000001',
      Opt: 0,
      label: 0x1a2b3,
      share: 'process',
      dst: 'fd00::1',
    });
    expect(records[1]).to.include({ label: 7, share: 'user', Owner: 1000, Users: 2, Opt: 24, dst: '2001:db8::42' });
    expect(records[2]).to.include({ Label: 'FFFFF', label: 0xfffff, S: 1, share: 'exclusive', dst: '::' });
  });

  it('rejects a non-hex label', () => {
    const text =
      'Label S Owner  Users  Linger Expires  Dst                              Opt\nXYZ12 2 4242   1      6      59       fd000000000000000000000000000001 0\n';
    expect(() => parseIp6Flowlabel(text)).to.throw(ParseError, /net\/ip6_flowlabel:2: Label is not hexadecimal/);
  });
});
