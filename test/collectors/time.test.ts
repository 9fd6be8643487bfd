import { expect } from 'chai';
import { time } from '../../collectors/time';
import { fixturePath } from '../support/fixtures';
import { SYSFS, TREE_6_18 } from '../exporter/helpers';
import { run, options, series } from './run';
import { tmpTree } from './tmp-tree';

describe('time collector', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('exports the clock, the zone of TZ and the captured clock sources', async () => {
    process.env.TZ = 'JST-9';
    const before = Date.now() / 1000;
    const s = series(await run(time, TREE_6_18, options(time), { sysfs: SYSFS }));
    const after = Date.now() / 1000;
    expect(s.node_time_seconds).to.be.within(before, after);
    delete s.node_time_seconds;
    expect(s).to.deep.equal({
      'node_time_zone_offset_seconds{time_zone="JST"}': 32400,
      'node_time_clocksource_available_info{device="0",clocksource="kvm-clock"}': 1,
      'node_time_clocksource_available_info{device="0",clocksource="tsc"}': 1,
      'node_time_clocksource_current_info{device="0",clocksource="tsc"}': 1,
    });
  });

  it("numbers clock source directories in name order, as Go's glob does", async () => {
    process.env.TZ = 'UTC';
    const tree = tmpTree({
      'devices/system/clocksource/clocksource0/available_clocksource': 'tsc hpet \n',
      'devices/system/clocksource/clocksource0/current_clocksource': 'tsc\n',
      'devices/system/clocksource/clocksource10/available_clocksource': 'arch_sys_counter \n',
      'devices/system/clocksource/clocksource10/current_clocksource': 'arch_sys_counter\n',
      'devices/system/clocksource/clocksource2/available_clocksource': 'hpet \n',
      'devices/system/clocksource/clocksource2/current_clocksource': 'hpet\n',
      'devices/system/clocksource/power/uevent': '',
    });
    try {
      const s = series(await run(time, TREE_6_18, options(time), { sysfs: tree.root }));
      const current = Object.keys(s).filter((k) => k.startsWith('node_time_clocksource_current_info'));
      expect(current).to.deep.equal([
        'node_time_clocksource_current_info{device="0",clocksource="tsc"}',
        'node_time_clocksource_current_info{device="1",clocksource="arch_sys_counter"}',
        'node_time_clocksource_current_info{device="2",clocksource="hpet"}',
      ]);
      expect(s['node_time_clocksource_available_info{device="0",clocksource="hpet"}']).to.equal(1);
    } finally {
      tree.remove();
    }
  });

  it('exports the clock alone without a clocksource directory, and fails on a clock source without its files', async () => {
    process.env.TZ = 'UTC';
    const names = Object.keys(series(await run(time, TREE_6_18, options(time), { sysfs: fixturePath('rootfs') })));
    expect(names).to.deep.equal(['node_time_seconds', 'node_time_zone_offset_seconds{time_zone="UTC"}']);
    const broken = tmpTree({ 'devices/system/clocksource/clocksource0/current_clocksource': 'tsc\n' });
    try {
      await run(time, TREE_6_18, options(time), { sysfs: broken.root }).then(
        () => expect.fail('a clock source without available_clocksource must fail'),
        (e: Error) => expect(e.message).to.match(/clocksource0\/available_clocksource: no such file/),
      );
    } finally {
      broken.remove();
    }
  });
});
