import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseNfConntrack } from '../../../src/parsers/formats/conntrack';
import { fixture } from '../../support/fixtures';

describe('net/nf_conntrack', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseNfConntrack(fixture('proc/net/nf_conntrack'))).to.deep.equal([]);
  });

  it('parses Linux 3.2, nesting the original and reply tuples', () => {
    const records = parseNfConntrack(fixture('linux-3.2/proc/net/nf_conntrack'));
    expect(records).to.have.length(20);
    expect(records[0]).to.deep.equal({
      l3proto: 'ipv4',
      l3protonum: 2,
      l4proto: 'tcp',
      l4protonum: 6,
      timeout: 431993,
      state: 'ESTABLISHED',
      original: { src: '192.168.1.14', dst: '64.26.60.229', sport: 46219, dport: 993 },
      reply: { src: '64.26.60.229', dst: '192.168.1.14', sport: 993, dport: 46219 },
      flags: ['ASSURED'],
      mark: 0,
      zone: 0,
      use: 2,
    });
    expect(records[19]).to.deep.equal({
      l3proto: 'ipv4',
      l3protonum: 2,
      l4proto: 'udp',
      l4protonum: 17,
      timeout: 13,
      original: { src: '127.0.0.1', dst: '127.0.0.1', sport: 34184, dport: 53 },
      reply: { src: '127.0.0.1', dst: '127.0.0.1', sport: 53, dport: 34184 },
      flags: [],
      mark: 0,
      zone: 0,
      use: 2,
    });
  });

  it('parses the synthetic 6.x-style file: accounting, UNREPLIED, icmp, offload, ipv6', () => {
    const records = parseNfConntrack(fixture('synthetic/proc/net/nf_conntrack'));
    expect(records).to.have.length(5);
    expect(records[0].original).to.deep.equal({
      src: '10.0.0.5',
      dst: '93.184.216.34',
      sport: 51234,
      dport: 443,
      packets: 12,
      bytes: 2310,
    });
    expect(records[0].reply).to.deep.equal({ src: '93.184.216.34', dst: '10.0.0.5', sport: 443, dport: 51234, packets: 10, bytes: 8842 });
    expect(records[1]).to.deep.include({ l4proto: 'udp', timeout: 27, flags: ['UNREPLIED'], mark: 0, zone: 3, use: 2 });
    expect(records[1]).to.not.have.property('state');
    expect(records[2].original).to.deep.equal({ src: '10.0.0.5', dst: '10.0.0.1', type: 8, code: 0, id: 4242 });
    expect(records[3]).to.deep.include({ state: 'ESTABLISHED', flags: ['OFFLOAD'], use: 3 });
    expect(records[3]).to.not.have.property('timeout');
    expect(records[4]).to.deep.equal({
      l3proto: 'ipv6',
      l3protonum: 10,
      l4proto: 'tcp',
      l4protonum: 6,
      timeout: 117,
      state: 'TIME_WAIT',
      original: { src: '2001:0db8:0000:0000:0000:0000:0000:0005', dst: '2001:0db8:0000:0000:0000:0000:0000:0001', sport: 38512, dport: 22 },
      reply: { src: '2001:0db8:0000:0000:0000:0000:0000:0001', dst: '2001:0db8:0000:0000:0000:0000:0000:0005', sport: 22, dport: 38512 },
      flags: ['ASSURED'],
      mark: 16,
      use: 2,
    });
  });

  it('keeps gre details printed before the tuples under l4info', () => {
    const line =
      'ipv4     2 gre      47 178 timeout=180, stream_timeout=180 src=10.0.0.5 dst=10.0.0.9 srckey=0x0 dstkey=0x1f4 src=10.0.0.9 dst=10.0.0.5 srckey=0x1f4 dstkey=0x0 [ASSURED] mark=0 use=2\n';
    const [record] = parseNfConntrack(line);
    expect(record).to.deep.include({ l4proto: 'gre', l4protonum: 47, timeout: 178, l4info: { timeout: 180, stream_timeout: 180 } });
    expect(record.original).to.deep.equal({ src: '10.0.0.5', dst: '10.0.0.9', srckey: '0x0', dstkey: '0x1f4' });
    expect(record).to.not.have.property('state');
  });

  it('rejects a line without the reply tuple', () => {
    expect(() =>
      parseNfConntrack('ipv4     2 tcp      6 431993 ESTABLISHED src=1.2.3.4 dst=5.6.7.8 sport=1 dport=2 mark=0 use=2\n'),
    ).to.throw(ParseError, /net\/nf_conntrack:1: expected an original and a reply tuple/);
  });

  it('rejects a non-numeric protocol number', () => {
    expect(() => parseNfConntrack('ipv4     x tcp      6 431993 src=1.2.3.4\n')).to.throw(
      ParseError,
      /net\/nf_conntrack:1: l3protonum is not an integer/,
    );
  });
});
