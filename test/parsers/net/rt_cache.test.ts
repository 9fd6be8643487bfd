import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseRtCache } from '../../../src/parsers/net/rt_cache';
import { fixture } from '../../support/fixtures';

describe('net/rt_cache', () => {
  it('parses the header-only Linux 6.x file as no records', () => {
    expect(parseRtCache(fixture('proc/net/rt_cache'))).to.deep.equal([]);
  });

  it('parses Linux 3.2, decoding the addresses', () => {
    const records = parseRtCache(fixture('linux-3.2/proc/net/rt_cache'));
    expect(records).to.have.length(77);
    expect(records[0]).to.deep.equal({
      Iface: 'lo',
      Destination: '192.168.1.14',
      Destination_hex: '0E01A8C0',
      Gateway: '192.168.1.14',
      Gateway_hex: '0E01A8C0',
      Flags: '80000000',
      RefCnt: 0,
      Use: 0,
      Metric: 0,
      Source: '199.212.0.73',
      Source_hex: '4900D4C7',
      MTU: 16436,
      Window: 0,
      IRTT: 0,
      TOS: '00',
      HHRef: -1,
      HHUptod: 0,
      SpecDst: '192.168.1.14',
      SpecDst_hex: '0E01A8C0',
    });
    expect(records[76]).to.include({
      Iface: 'eth0',
      Destination: '200.3.13.11',
      Destination_hex: '0B0D03C8',
      Gateway: '192.168.1.1',
      Flags: '0',
      Use: 0,
      MTU: 1500,
      HHRef: -1,
    });
  });

  it('rejects an address that is not 8 hex digits', () => {
    const header =
      'Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst\n';
    const row = 'eth0\t0B0D03\t0101A8C0\t       0\t0\t0\t0\t0E01A8C0\t1500\t0\t0\t00\t-1\t0\t0E01A8C0\n';
    expect(() => parseRtCache(header + row)).to.throw(ParseError, /net\/rt_cache:2: Destination is not an 8-digit hex address/);
  });

  it('rejects a truncated row', () => {
    const header =
      'Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst\n';
    expect(() => parseRtCache(header + 'eth0\t0B0D03C8\t0101A8C0\n')).to.throw(ParseError, /net\/rt_cache:2: expected 15 columns, found 3/);
  });
});
