import { expect } from 'chai';
import * as path from 'path';
import { ipvs } from '../../collectors/ipvs';
import { MissingFileError } from '../../src/collector';
import { fixturePath } from '../support/fixtures';
import { options, run, series, TREES } from './run';

const TREE = path.join(TREES, 'ipvs');

describe('ipvs collector', () => {
  it("exports the totals and every real server with node_exporter's six labels", async () => {
    const families = await run(ipvs, TREE);
    const s = series(families);
    expect(s.node_ipvs_connections_total).to.equal(23765872);
    expect(s.node_ipvs_incoming_packets_total).to.equal(3811989221);
    expect(s.node_ipvs_incoming_bytes_total).to.equal(89991519156915);
    expect(s.node_ipvs_outgoing_bytes_total).to.equal(0);
    const active = families.find((f) => f.name === 'node_ipvs_backend_connections_active')!;
    expect(active.samples).to.have.length(10);
    expect(active.samples[0].labels).to.deep.equal({
      local_address: '',
      local_mark: '10001000',
      local_port: '0',
      proto: 'FWM',
      remote_address: '192.168.49.32',
      remote_port: '3306',
    });
    expect(active.samples[0].value).to.equal(321);
    const tcp = [
      'local_address="192.168.0.57"',
      'local_mark=""',
      'local_port="3306"',
      'proto="TCP"',
      'remote_address="192.168.82.21"',
      'remote_port="3306"',
    ].join(',');
    expect(s[`node_ipvs_backend_connections_active{${tcp}}`]).to.equal(1499);
    expect(s[`node_ipvs_backend_connections_inactive{${tcp}}`]).to.equal(0);
    expect(s[`node_ipvs_backend_weight{${tcp}}`]).to.equal(100);
  });

  it('sums the real servers whose chosen labels are equal (--collector.ipvs.backend-labels)', async () => {
    const byPort = series(await run(ipvs, TREE, options(ipvs, { backendLabels: 'local_port' })));
    expect(byPort['node_ipvs_backend_connections_active{local_port="3306"}']).to.equal(248 * 3 + 1499 + 1498);
    expect(byPort['node_ipvs_backend_connections_active{local_port="0"}']).to.equal(64 + 321);
    expect(byPort['node_ipvs_backend_weight{local_port="3306"}']).to.equal(100 * 3 + 100 + 100 + 100);
    // The flag's order does not matter; no labels is one sum.
    const two = series(await run(ipvs, TREE, options(ipvs, { backendLabels: 'local_port,local_address' })));
    expect(two['node_ipvs_backend_connections_inactive{local_address="192.168.0.22",local_port="3306"}']).to.equal(5);
    const none = series(await run(ipvs, TREE, options(ipvs, { backendLabels: '' })));
    expect(none.node_ipvs_backend_connections_active).to.equal(248 * 3 + 1499 + 1498 + 64 + 321);
    expect(none.node_ipvs_backend_connections_inactive).to.equal(2 + 2 + 1 + 1 + 5);
  });

  it("fails with node_exporter's message for an unknown label", async () => {
    let failure: Error | undefined;
    await run(ipvs, TREE, options(ipvs, { backendLabels: 'local_port,zone,colour' })).catch((e: Error) => (failure = e));
    expect(failure?.message).to.equal('unknown IPVS backend labels: "colour, zone"');
  });

  it("labels IPv6 and IPv4-mapped real servers as Go prints them, and keeps an SCTP service's real servers", async () => {
    const opts = options(ipvs, { backendLabels: 'local_address,remote_address,proto' });
    const s = series(await run(ipvs, fixturePath('synthetic/proc'), opts));
    expect(s['node_ipvs_backend_connections_active{local_address="2001:db8::80",proto="TCP",remote_address="2001:db8::81"}']).to.equal(1);
    expect(s['node_ipvs_backend_weight{local_address="2001:db8::80",proto="TCP",remote_address="10.0.1.51"}']).to.equal(2);
    expect(s['node_ipvs_backend_connections_active{local_address="10.0.0.2",proto="SCTP",remote_address="10.0.1.31"}']).to.equal(2);
    // The service without real servers adds no series.
    expect(Object.keys(s).filter((k) => k.includes('10.0.0.3'))).to.deep.equal([]);
  });

  it('fails as "not on this kernel" without /proc/net/ip_vs_stats', async () => {
    let failure: unknown;
    await run(ipvs, fixturePath('proc')).catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(MissingFileError);
  });
});
