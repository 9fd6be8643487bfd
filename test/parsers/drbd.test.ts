import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseDrbd } from '../../src/parsers/drbd';
import { fixture } from '../support/fixtures';

describe('drbd', () => {
  it("parses node_exporter's DRBD 8.4 fixture: one connected device", () => {
    const [record] = parseDrbd(fixture('node_exporter/proc/drbd'));
    expect(record).to.deep.include({
      version: '8.4.3',
      api: '1',
      protocols: '86-101',
      build: 'srcversion: 1A9F77B1CA5FF92235C2213',
      other: [],
    });
    expect(record.devices).to.deep.equal([
      {
        minor: 1,
        device: 'drbd1',
        connection_state: 'Connected',
        role_local: 'Primary',
        role_peer: 'Primary',
        disk_local: 'UpToDate',
        disk_peer: 'UpToDate',
        protocol: 'C',
        flags: 'r-----',
        counters: {
          ns: 17324442,
          nr: 10961011,
          dw: 28263521,
          dr: 118696670,
          al: 1100,
          bm: 221,
          lo: 12345,
          pe: 12346,
          ua: 12347,
          ap: 12348,
          ep: 1,
          oos: 12349,
        },
        write_ordering: 'd',
        details: [],
      },
    ]);
  });

  it('parses DRBD 8.3: a resync with its progress lines, no protocol, a hole and an unconfigured minor', () => {
    const [record] = parseDrbd(fixture('synthetic/proc/drbd'));
    expect(record.build).to.equal('GIT-hash: 83ca112086600faacab2f157bc5a9324f7bd7f77 build by root@buildhost, 2012-05-07 11:56:36');
    expect(record.devices.map((d) => d.device)).to.deep.equal(['drbd0', 'drbd1', 'drbd3']);
    expect(record.devices[0]).to.deep.include({ connection_state: 'SyncSource', disk_peer: 'Inconsistent', write_ordering: 'f' });
    expect(record.devices[0].counters.oos).to.equal(3145728);
    expect(record.devices[0].details).to.deep.equal([
      "[===>................] sync'ed: 25.0% (3072/4096)M",
      'finish: 0:00:52 speed: 59,936 (59,936) K/sec',
    ]);
    expect(record.devices[1].protocol).to.equal(undefined);
    expect(record.devices[1]).to.deep.include({
      connection_state: 'StandAlone',
      role_peer: 'Unknown',
      disk_peer: 'DUnknown',
      flags: 'r-----',
    });
    expect(record.devices[2]).to.deep.equal({ minor: 3, device: 'drbd3', connection_state: 'Unconfigured', counters: {}, details: [] });
  });

  it('keeps what DRBD 9 prints instead of devices', () => {
    const build = 'GIT-hash: 719792f2cc1360c65c848ffdb66090959e27fde5 build by root@x, 2020-03-18 11:00:00';
    const text = `version: 9.0.22-1 (api:2/proto:86-116)\n${build}\nTransports (api:16): tcp (9.0.22-1)\n`;
    expect(parseDrbd(text)).to.deep.equal([
      { version: '9.0.22-1', api: '2', protocols: '86-116', build, other: ['Transports (api:16): tcp (9.0.22-1)'], devices: [] },
    ]);
  });

  it('rejects a counter that is not a number, with the line', () => {
    const text = fixture('node_exporter/proc/drbd').replace('dw:28263521', 'dw:2826352l');
    expect(() => parseDrbd(text, '/tmp/drbd')).to.throw(
      ParseError,
      '/tmp/drbd:5: dw is not an integer ("2826352l"): "    ns:17324442 nr:10961011 dw:2826352l',
    );
  });

  it('rejects a device line without roles and disk states, and a file without the version line', () => {
    const text = fixture('node_exporter/proc/drbd').replace('ro:Primary/Primary ', '');
    expect(() => parseDrbd(text)).to.throw(
      ParseError,
      'drbd:4: expected "ro:LOCAL/PEER ds:LOCAL/PEER PROTOCOL FLAGS" after the connection state',
    );
    expect(() => parseDrbd(' 1: cs:Connected\n')).to.throw(ParseError, 'drbd:1: expected "version: X (api:N/proto:A-B)"');
  });
});
