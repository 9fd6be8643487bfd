import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpVs } from '../../../src/parsers/net/ip_vs';
import { fixture } from '../../support/fixtures';

const HEAD = [
  'IP Virtual Server version 1.2.1 (size=4096)',
  'Prot LocalAddress:Port Scheduler Flags',
  '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn',
  '',
].join('\n');

describe('net/ip_vs', () => {
  it("parses node_exporter's fixture: three TCP services and a firewall-mark service", () => {
    const services = parseIpVs(fixture('node_exporter/proc/net/ip_vs'));
    expect(services).to.have.length(4);
    expect(services.map((s) => s.destinations.length)).to.deep.equal([3, 3, 2, 2]);
    expect(services[0]).to.deep.include({ protocol: 'TCP', address: '192.168.0.22', port: 3306, scheduler: 'wlc', one_packet: false });
    expect(services[0].destinations[0]).to.deep.equal({
      address: '192.168.82.22',
      port: 3306,
      forward: 'Tunnel',
      weight: 100,
      active_connections: 248,
      inactive_connections: 2,
    });
    expect(services[3]).to.deep.include({ protocol: 'FWM', fwmark: '10001000', scheduler: 'wlc' });
    expect(services[3].address).to.equal(undefined);
    expect(services[3].destinations[1]).to.deep.equal({
      address: '192.168.49.32',
      port: 3306,
      forward: 'Tunnel',
      weight: 100,
      active_connections: 321,
      inactive_connections: 5,
    });
  });

  it('parses persistence, one-packet scheduling, SCTP, IPv6 and a service without real servers', () => {
    const services = parseIpVs(fixture('synthetic/proc/net/ip_vs'));
    expect(services.map((s) => `${s.protocol} ${s.address ?? s.fwmark}:${s.port ?? ''}`)).to.deep.equal([
      'TCP 10.0.0.1:443',
      'UDP 10.0.0.1:53',
      'SCTP 10.0.0.2:3868',
      'TCP 2001:db8::80:80',
      'TCP 10.0.0.3:22',
      'FWM 0000002A:',
    ]);
    expect(services[0]).to.deep.include({ persistent_timeout: 360, persistent_netmask: 'FFFFFFFF', one_packet: false });
    expect(services[1].one_packet).to.equal(true);
    expect(services[3].destinations.map((d) => d.address)).to.deep.equal(['2001:db8::81', '::ffff:10.0.1.51']);
    expect(services[4].destinations).to.deep.equal([]);
    expect(services[5]).to.deep.include({ fwmark: '0000002A', scheduler: 'wrr', persistent_timeout: 60, persistent_netmask: 'FFFFFF00' });
    expect(services[5].destinations).to.deep.equal([
      { address: '10.0.1.41', port: 0, forward: 'Route', weight: 3, active_connections: 4, inactive_connections: 5 },
    ]);
  });

  it('gives [] for an empty file and for no services', () => {
    expect(parseIpVs('')).to.deep.equal([]);
    expect(parseIpVs(HEAD)).to.deep.equal([]);
  });

  it('rejects a weight that is not a number, with the line', () => {
    const text = `${HEAD}TCP  C0A80016:0CEA wlc  \n  -> C0A85216:0CEA      Tunnel  1O0    248        2\n`;
    expect(() => parseIpVs(text, '/tmp/ip_vs')).to.throw(
      ParseError,
      '/tmp/ip_vs:5: Weight is not an integer ("1O0"): "  -> C0A85216:0CEA      Tunnel  1O0    248        2"',
    );
  });

  it('rejects a port that is not 4 hex digits, a real server before any service, and a missing header', () => {
    expect(() => parseIpVs(`${HEAD}TCP  C0A80016:CEA wlc\n`)).to.throw(
      ParseError,
      'net/ip_vs:4: the virtual service is not ADDRESS:PORT with a 4-digit hex port ("C0A80016:CEA")',
    );
    expect(() => parseIpVs(`${HEAD}  -> C0A85216:0CEA      Tunnel  100    248        2\n`)).to.throw(
      ParseError,
      'net/ip_vs:4: a real server before any virtual service',
    );
    expect(() => parseIpVs('Prot LocalAddress:Port Scheduler Flags\n')).to.throw(
      ParseError,
      'net/ip_vs:1: expected "IP Virtual Server version X.Y.Z (size=N)"',
    );
  });
});
