import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpConntrack } from '../../../src/parsers/formats/conntrack';
import { fixture } from '../../support/fixtures';

describe('net/ip_conntrack', () => {
  it('parses Linux 3.2 (no layer-3 columns)', () => {
    const records = parseIpConntrack(fixture('linux-3.2/proc/net/ip_conntrack'));
    expect(records).to.have.length(16);
    expect(records[0]).to.deep.equal({
      l4proto: 'tcp',
      l4protonum: 6,
      timeout: 431939,
      state: 'ESTABLISHED',
      original: { src: '192.168.1.14', dst: '64.26.60.229', sport: 46219, dport: 993 },
      reply: { src: '64.26.60.229', dst: '192.168.1.14', sport: 993, dport: 46219 },
      flags: ['ASSURED'],
      mark: 0,
      use: 2,
    });
    expect(records[2]).to.deep.equal({
      l4proto: 'udp',
      l4protonum: 17,
      timeout: 24,
      original: { src: '192.168.1.1', dst: '192.168.1.14', sport: 56746, dport: 514 },
      reply: { src: '192.168.1.14', dst: '192.168.1.1', sport: 514, dport: 56746 },
      flags: ['UNREPLIED'],
      mark: 0,
      use: 2,
    });
    expect(records[15]).to.deep.equal({
      l4proto: 'tcp',
      l4protonum: 6,
      timeout: 431981,
      state: 'ESTABLISHED',
      original: { src: '192.168.1.252', dst: '192.168.1.14', sport: 61163, dport: 22 },
      reply: { src: '192.168.1.14', dst: '192.168.1.252', sport: 22, dport: 61163 },
      flags: ['ASSURED'],
      mark: 0,
      use: 2,
    });
  });

  it('rejects a token that is not key=value inside the tuples', () => {
    expect(() => parseIpConntrack('tcp      6 431939 ESTABLISHED src=1.2.3.4 dst=5.6.7.8 garbage src=5.6.7.8\n')).to.throw(
      ParseError,
      /net\/ip_conntrack:1: expected key=value, found "garbage"/,
    );
  });
});
