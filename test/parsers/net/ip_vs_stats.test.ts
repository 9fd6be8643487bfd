import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpVsStats } from '../../../src/parsers/net/ip_vs_stats';
import { fixture } from '../../support/fixtures';

describe('net/ip_vs_stats', () => {
  it('parses the totals and the rates, hexadecimal as printed', () => {
    expect(parseIpVsStats(fixture('synthetic/proc/net/ip_vs_stats'))).to.deep.equal([
      {
        connections: 23765872,
        incoming_packets: 3811989221,
        outgoing_packets: 0,
        incoming_bytes: 89991519156915,
        outgoing_bytes: 0,
        connections_per_second: 4,
        incoming_packets_per_second: 0x1fb3c,
        outgoing_packets_per_second: 0,
        incoming_bytes_per_second: 0x1282a8f,
        outgoing_bytes_per_second: 0,
      },
    ]);
  });

  it('gives [] for an empty file', () => {
    expect(parseIpVsStats('')).to.deep.equal([]);
  });

  it('rejects a value that is not hexadecimal, with the line', () => {
    const lines = fixture('synthetic/proc/net/ip_vs_stats').split('\n');
    lines[2] = ' 16AA370 E33656G5        0     51D8C8883AB3        0';
    expect(() => parseIpVsStats(lines.join('\n'), '/tmp/ip_vs_stats')).to.throw(
      ParseError,
      '/tmp/ip_vs_stats:3: totals is not hexadecimal ("E33656G5"): " 16AA370 E33656G5        0     51D8C8883AB3        0"',
    );
  });

  it('rejects a file cut after the totals', () => {
    const cut = fixture('synthetic/proc/net/ip_vs_stats').split('\n').slice(0, 3).join('\n');
    expect(() => parseIpVsStats(cut)).to.throw(ParseError, 'net/ip_vs_stats:3: expected 6 lines (totals and rates), found 3');
  });
});
