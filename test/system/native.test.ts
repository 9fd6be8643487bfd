/**
 * The C calls on this machine (shape only: the values are the live clock's), the zone under set TZ
 * values (fixed offsets, no daylight saving), and the clean failure when the library cannot load.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { adjtimex, localZone } from '../../src/system/native';
import { projectRoot } from '../support/fixtures';

describe('native calls (koffi)', () => {
  it('reads the kernel clock with adjtimex(2) in read-only mode', () => {
    const reading = adjtimex();
    expect(reading.state).to.be.within(0, 5);
    for (const field of ['offset', 'freq', 'maxerror', 'esterror', 'status', 'constant', 'tick', 'tai'] as const) {
      expect(Number.isInteger(reading[field]), field).to.equal(true);
    }
    expect(reading.tick, 'microseconds per tick: 1e6 / USER_HZ-ish').to.be.within(1, 1_000_000);
    expect(reading.maxerror).to.be.at.least(0);
  });

  it('gives the zone abbreviation and offset of TZ, read again at each call', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      expect(localZone(1_700_000_000)).to.deep.equal({ name: 'UTC', offsetSeconds: 0 });
      process.env.TZ = 'JST-9';
      expect(localZone(1_700_000_000)).to.deep.equal({ name: 'JST', offsetSeconds: 32400 });
      process.env.TZ = 'Europe/Paris';
      expect(localZone(1_700_000_000), 'November: winter time').to.deep.equal({ name: 'CET', offsetSeconds: 3600 });
      expect(localZone(1_690_000_000), 'July: summer time').to.deep.equal({ name: 'CEST', offsetSeconds: 7200 });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('fails with NativeUnavailableError, not a crash, when the C library cannot be loaded', () => {
    const script = `const n = require(${JSON.stringify(path.join(projectRoot, 'src', 'system', 'native'))});
      for (const call of [() => n.adjtimex(), () => n.localZone(0)]) {
        try { call(); console.log('no error'); } catch (e) { console.log(e.name + ': ' + e.message); }
      }`;
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, PROC_EXPORTER_LIBC: '/nonexistent/libc.so.6' },
    });
    expect(result.status).to.equal(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).to.have.length(2);
    for (const line of lines) expect(line).to.match(/^NativeUnavailableError: native calls unavailable: \/nonexistent\/libc\.so\.6: /);
  });
});
