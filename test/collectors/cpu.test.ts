import { expect } from 'chai';
import * as path from 'path';
import { cpu } from '../../collectors/cpu';
import { options, run, series, TREES } from './run';

const tree = (t: string): string => path.join(TREES, 'cpu', t);

describe('cpu collector', () => {
  it('exports per-CPU seconds (ticks / 100) and guest seconds, not the sum line', async () => {
    const s = series(await run(cpu, tree('t1')));
    expect(s['node_cpu_seconds_total{cpu="0",mode="user"}']).to.equal(3.39);
    expect(s['node_cpu_seconds_total{cpu="1",mode="idle"}']).to.equal(216.31);
    expect(s['node_cpu_guest_seconds_total{cpu="2",mode="nice"}']).to.equal(0);
    expect(Object.keys(s).filter((k) => k.startsWith('node_cpu_seconds_total'))).to.have.length(3 * 8);
    expect(Object.keys(s).some((k) => k.includes('cpu=""'))).to.equal(false);
  });

  it('clamps counters that go backwards, forgets an offline CPU, resets on an idle jump back (state across runs)', async () => {
    const opts = options(cpu);
    await run(cpu, tree('t1'), opts);
    const s2 = series(await run(cpu, tree('t2'), opts));
    expect(s2['node_cpu_seconds_total{cpu="1",mode="iowait"}'], 'iowait 28 → 20 stays 0.28').to.equal(0.28);
    expect(s2['node_cpu_seconds_total{cpu="1",mode="user"}'], 'user 603 → 590 stays 6.03').to.equal(6.03);
    expect(s2['node_cpu_seconds_total{cpu="1",mode="system"}'], 'a counter that grows is taken').to.equal(1.8);
    expect(s2['node_cpu_seconds_total{cpu="2",mode="idle"}'], 'offline CPU: no series').to.equal(undefined);
    const s3 = series(await run(cpu, tree('t3'), opts));
    expect(s3['node_cpu_seconds_total{cpu="2",mode="idle"}'], 'back online: as read').to.equal(1);
    expect(s3['node_cpu_seconds_total{cpu="0",mode="user"}'], 'idle jumped back ≥ 3 s: reset, as read').to.equal(0.1);
    expect(s3['node_cpu_seconds_total{cpu="0",mode="idle"}']).to.equal(210.74);
    expect(s3['node_cpu_seconds_total{cpu="1",mode="iowait"}'], 'still clamped until it passes the old value').to.equal(0.28);
  });

  it('keeps one state per configured collector (a fresh options object starts afresh)', async () => {
    await run(cpu, tree('t1'), options(cpu));
    const s = series(await run(cpu, tree('t2'), options(cpu)));
    expect(s['node_cpu_seconds_total{cpu="1",mode="iowait"}']).to.equal(0.2);
  });

  it('exports the modes an old kernel does not print as 0, as procfs does', async () => {
    const s = series(await run(cpu, tree('t4')));
    expect(s['node_cpu_seconds_total{cpu="0",mode="softirq"}']).to.equal(0.03);
    expect(s['node_cpu_seconds_total{cpu="0",mode="steal"}']).to.equal(0);
    expect(s['node_cpu_guest_seconds_total{cpu="0",mode="user"}']).to.equal(0);
  });

  it('guest=false drops node_cpu_guest_seconds_total', async () => {
    const s = series(await run(cpu, tree('t1'), options(cpu, { guest: false })));
    expect(Object.keys(s).some((k) => k.startsWith('node_cpu_guest'))).to.equal(false);
  });

  it('info: node_cpu_info per processor; flag/bug info from the first processor, filtered by the include regexps', async () => {
    const root = path.join(TREES, '..', 'proc');
    const none = series(await run(cpu, root));
    expect(Object.keys(none).some((k) => k.startsWith('node_cpu_info'))).to.equal(false);
    const s = series(await run(cpu, root, options(cpu, { info: true })));
    expect(
      s[
        'node_cpu_info{cachesize="1024 KB",core="1",cpu="1",family="26",microcode="0x1000065",model="2",model_name="AMD EPYC",package="0",stepping="1",vendor="AuthenticAMD"}'
      ],
    ).to.equal(1);
    expect(
      Object.keys(s).some((k) => k.startsWith('node_cpu_flag_info')),
      'no include regexp: no flags',
    ).to.equal(false);
    const f = series(await run(cpu, root, options(cpu, { infoFlagsInclude: '^avx512(f|bw)$', infoBugsInclude: '^srso$' })));
    expect(
      Object.keys(f)
        .filter((k) => k.startsWith('node_cpu_flag_info'))
        .sort(),
    ).to.deep.equal(['node_cpu_flag_info{flag="avx512bw"}', 'node_cpu_flag_info{flag="avx512f"}']);
    expect(f['node_cpu_bug_info{bug="srso"}']).to.equal(1);
    expect(
      Object.keys(f).some((k) => k.startsWith('node_cpu_info')),
      'an include regexp implies info',
    ).to.equal(true);
  });
});
