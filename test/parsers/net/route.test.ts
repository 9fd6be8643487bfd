import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseRoute } from '../../../src/parsers/net/route';
import { fixture } from '../../support/fixtures';

describe('net/route', () => {
  it('parses Linux 6.x, addresses and flags decoded', () => {
    const records = parseRoute(fixture('proc/net/route'));
    expect(records).to.have.length(2);
    // "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0"
    expect(records[0]).to.deep.equal({
      Iface: 'eth0',
      Destination: '00000000',
      Gateway: '010200C0',
      Flags: '0003',
      RefCnt: 0,
      Use: 0,
      Metric: 0,
      Mask: '00000000',
      MTU: 0,
      Window: 0,
      IRTT: 0,
      destination: '0.0.0.0',
      gateway: '192.0.2.1',
      mask: '0.0.0.0',
      prefix_length: 0,
      flags: 'UG',
      flag_names: ['UP', 'GATEWAY'],
    });
    expect(records[1]).to.include({ destination: '192.0.2.0', gateway: '0.0.0.0', mask: '255.255.255.0', prefix_length: 24, flags: 'U' });
  });

  it('parses Linux 3.2', () => {
    const records = parseRoute(fixture('linux-3.2/proc/net/route'));
    expect(records).to.have.length(3);
    expect(records[0]).to.include({ gateway: '192.168.1.1', flags: 'UG' });
    expect(records[1]).to.include({ destination: '169.254.0.0', mask: '255.255.0.0', prefix_length: 16, Metric: 1000 });
    expect(records[2]).to.include({ Iface: 'eth0', destination: '192.168.1.0', prefix_length: 24, Metric: 1, flags: 'U' });
  });

  it('decodes host and reject routes', () => {
    const text =
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' +
      'eth0\t0A00000A\t00000000\t0205\t0\t0\t0\tFFFFFFFF\t0\t0\t0\n';
    expect(parseRoute(text)[0]).to.include({ destination: '10.0.0.10', prefix_length: 32, flags: 'UH!' });
  });

  it('rejects a bad gateway and a short row', () => {
    const header = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n';
    expect(() => parseRoute(`${header}eth0\t00000000\t0101A8\t0003\t0\t0\t0\t00000000\t0\t0\t0\n`)).to.throw(
      ParseError,
      /net\/route:2: Gateway is not an 8-digit hex address/,
    );
    expect(() => parseRoute(`${header}eth0\t00000000\t0101A8C0\t0003\n`)).to.throw(
      ParseError,
      /net\/route:2: expected 11 columns as the header names, found 4/,
    );
  });
});
