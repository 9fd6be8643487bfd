import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseMdstat, type MdArray } from '../../src/parsers/mdstat';
import { fixture } from '../support/fixtures';

const ALL_PERSONALITIES = ['linear', 'multipath', 'raid0', 'raid1', 'raid10', 'raid6', 'raid5', 'raid4'];

function only(relative: string): MdArray {
  const [record] = parseMdstat(fixture(relative));
  expect(record.personalities).to.deep.equal(['raid10']);
  expect(record.unused_devices).to.deep.equal([]);
  expect(record.arrays).to.have.length(1);
  return record.arrays[0];
}

const RECOVERING = {
  name: 'md127',
  state: 'active',
  personality: 'raid10',
  blocks: 1564531200,
  super: '1.1',
  near_copies: 2,
  raid_disks: 2,
  working_disks: 1,
  status: '_U',
};

describe('mdstat', () => {
  it('parses Linux 3.2 /proc/mdstat: two raid10 arrays', () => {
    const records = parseMdstat(fixture('linux-3.2/proc/mdstat'));
    expect(records).to.have.length(1);
    const [record] = records;
    expect(record.personalities).to.deep.equal(ALL_PERSONALITIES);
    expect(record.unused_devices).to.deep.equal([]);
    expect(record.arrays).to.have.length(2);
    expect(record.arrays[0]).to.deep.equal({
      name: 'md0',
      state: 'active',
      personality: 'raid10',
      devices: [
        { name: 'sdc1', role: 1, flags: [] },
        { name: 'sdb1', role: 0, flags: [] },
      ],
      blocks: 104856064,
      super: '1.2',
      near_copies: 2,
      raid_disks: 2,
      working_disks: 2,
      status: 'UU',
    });
    expect(record.arrays[1]).to.deep.include({
      name: 'md1',
      blocks: 3221222400,
      chunk_kb: 512,
      near_copies: 2,
      raid_disks: 4,
      working_disks: 4,
      status: 'UUUU',
    });
    expect(record.arrays[1].devices[3]).to.deep.equal({ name: 'sdd1', role: 3, flags: [] });
  });

  it('parses aqui-ex1: recovery at 0.4% with a bitmap', () => {
    expect(only('linux-3.2/mdstat-variants/aqui-ex1.mdstat')).to.deep.equal({
      ...RECOVERING,
      devices: [
        { name: 'sda2', role: 0, flags: [] },
        { name: 'sdb1', role: 1, flags: [] },
      ],
      sync: {
        action: 'recovery',
        bar: '[>....................]',
        percent: 0.4,
        done: 6584832,
        total: 1564531200,
        finish_min: 179.4,
        speed_kb_per_sec: 144658,
      },
      bitmap: { pages_used: 12, pages_total: 12, memory_kb: 48, chunk: 65536, chunk_unit: 'KB' },
    });
  });

  it('parses aqui-ex2 to ex6: recovery progressing', () => {
    expect(only('linux-3.2/mdstat-variants/aqui-ex2.mdstat').sync).to.deep.equal({
      action: 'recovery',
      bar: '[>....................]',
      percent: 0.6,
      done: 10896896,
      total: 1564531200,
      finish_min: 205.7,
      speed_kb_per_sec: 125859,
    });
    expect(only('linux-3.2/mdstat-variants/aqui-ex3.mdstat').sync).to.include({
      percent: 5.2,
      done: 82101312,
      finish_min: 115.9,
      speed_kb_per_sec: 213025,
    });
    expect(only('linux-3.2/mdstat-variants/aqui-ex4.mdstat').sync).to.include({
      bar: '[==>..................]',
      percent: 12,
      done: 189071424,
      finish_min: 110.8,
    });
    expect(only('linux-3.2/mdstat-variants/aqui-ex5.mdstat').sync).to.include({
      percent: 19.1,
      done: 299892800,
      finish_min: 84,
      speed_kb_per_sec: 250770,
    });
    const ex6 = only('linux-3.2/mdstat-variants/aqui-ex6.mdstat');
    expect(ex6).to.deep.include(RECOVERING);
    expect(ex6.sync).to.include({
      action: 'recovery',
      percent: 24.6,
      done: 385876032,
      total: 1564531200,
      finish_min: 80.2,
      speed_kb_per_sec: 244751,
    });
  });

  it('parses aqui-ex7: recovered, no progress line, empty bitmap', () => {
    const array = only('linux-3.2/mdstat-variants/aqui-ex7.mdstat');
    expect(array).to.deep.include({ raid_disks: 2, working_disks: 2, status: 'UU' });
    expect(array).to.not.have.property('sync');
    expect(array.bitmap).to.deep.equal({ pages_used: 0, pages_total: 12, memory_kb: 0, chunk: 65536, chunk_unit: 'KB' });
  });

  it('parses fake-ex1: spare, write-mostly and faulty flags, bitmap file with trailing whitespace', () => {
    const array = only('linux-3.2/mdstat-variants/fake-ex1.mdstat');
    expect(array.devices).to.deep.equal([
      { name: 'sda2', role: 0, flags: ['S'] },
      { name: 'sdb1', role: 1, flags: ['W', 'F'] },
    ]);
    expect(array.bitmap).to.deep.equal({
      pages_used: 12,
      pages_total: 12,
      memory_kb: 48,
      chunk: 65536,
      chunk_unit: 'KB',
      file: '/tmp/fake1.file',
    });
  });

  it('parses fake-ex2 and fake-ex3: bitmap files, one with spaces in its name', () => {
    const ex2 = only('linux-3.2/mdstat-variants/fake-ex2.mdstat');
    expect(ex2.devices).to.deep.equal([
      { name: 'sda2', role: 0, flags: [] },
      { name: 'sdb1', role: 1, flags: [] },
    ]);
    expect(ex2.bitmap!.file).to.equal('/tmp/fake1.file');
    expect(only('linux-3.2/mdstat-variants/fake-ex3.mdstat').bitmap!.file).to.equal('/tmp/fake1 with space.file');
  });

  it('parses nihilon-ex1: two arrays, all personalities', () => {
    const [record] = parseMdstat(fixture('linux-3.2/mdstat-variants/nihilon-ex1.mdstat'));
    expect(record.personalities).to.deep.equal(ALL_PERSONALITIES);
    expect(record.arrays.map((a) => a.name)).to.deep.equal(['md1', 'md0']);
    expect(record.arrays[0].devices.map((d) => d.name)).to.deep.equal(['sda2', 'sdd1', 'sdb2', 'sdc2']);
    expect(record.arrays[1]).to.deep.include({ blocks: 104856064, status: 'UU' });
  });

  it('parses the synthetic modern file: raid5 recovery, auto-read-only with resync=PENDING, raid0, check, inactive', () => {
    const [record] = parseMdstat(fixture('synthetic/proc/mdstat'));
    expect(record.personalities).to.deep.equal(['raid1', 'raid6', 'raid5', 'raid4', 'raid0', 'linear']);
    const [md2, md1, md3, md0, md127] = record.arrays;
    expect(record.arrays).to.have.length(5);
    expect(md2).to.deep.include({
      name: 'md2',
      personality: 'raid5',
      blocks: 2929890816,
      super: '1.2',
      level: 5,
      chunk_kb: 512,
      algorithm: 2,
      raid_disks: 4,
      working_disks: 3,
      status: 'UUU_',
    });
    expect(md2.sync).to.include({
      action: 'recovery',
      percent: 31.4,
      done: 306780160,
      total: 976630272,
      finish_min: 62.3,
      speed_kb_per_sec: 179021,
    });
    expect(md1).to.deep.include({
      name: 'md1',
      access: 'auto-read-only',
      personality: 'raid1',
      sync: { action: 'resync', state: 'PENDING' },
    });
    expect(md1.devices[1]).to.deep.equal({ name: 'sde1', role: 0, flags: ['W'] });
    expect(md3).to.deep.equal({
      name: 'md3',
      state: 'active',
      personality: 'raid0',
      devices: [
        { name: 'sdh1', role: 1, flags: [] },
        { name: 'sdg1', role: 0, flags: [] },
      ],
      blocks: 1953260544,
      super: '1.2',
      chunk_kb: 512,
    });
    expect(md0.sync).to.include({ action: 'check', percent: 8.8, done: 43939264 });
    expect(md0.bitmap).to.include({ pages_used: 1, pages_total: 4, memory_kb: 4 });
    expect(md127).to.deep.equal({
      name: 'md127',
      state: 'inactive',
      devices: [
        { name: 'sdj', role: 1, flags: ['S'] },
        { name: 'sdi', role: 0, flags: ['S'] },
      ],
      blocks: 3906767024,
      super: '1.2',
    });
  });

  it('lists unused devices', () => {
    const [record] = parseMdstat('Personalities : \nunused devices: sdx sdy\n');
    expect(record).to.deep.equal({ personalities: [], arrays: [], unused_devices: ['sdx', 'sdy'] });
  });

  it('rejects text where a number must be, with file and line', () => {
    const text = 'Personalities : [raid1] \nmd0 : active raid1 sdb1[1] sda1[0]\n      10x blocks super 1.2 [2/2] [UU]\n';
    expect(() => parseMdstat(text, '/tmp/mdstat')).to.throw(ParseError, /\/tmp\/mdstat:3: blocks is not an integer \("10x"\)/);
  });

  it('rejects a broken device, an unknown state and a broken progress line', () => {
    expect(() => parseMdstat('md0 : active raid1 sdb1\n')).to.throw(ParseError, /mdstat:1: expected "NAME\[ROLE\]"/);
    expect(() => parseMdstat('md0 : broken raid1 sdb1[0]\n')).to.throw(ParseError, /mdstat:1: expected "active" or "inactive"/);
    expect(() => parseMdstat('md0 : active raid1 sdb1[0](Q)\n')).to.throw(ParseError, /mdstat:1: unknown device flag/);
    const text =
      'md0 : active raid1 sdb1[1] sda1[0]\n      10 blocks [2/1] [U_]\n      [>....]  recovery = x% (1/10) finish=1.0min speed=1K/sec\n';
    expect(() => parseMdstat(text)).to.throw(ParseError, /mdstat:3: percent is not a number \("x"\)/);
  });

  it('reads an inactive array that still names its personality, with faulty and spare members', () => {
    const [record] = parseMdstat(
      'Personalities : [raid1]\nmd4 : inactive raid1 sda3[0](F) sdb3[1](S)\n      4883648 blocks [2/2] [UU]\n\nunused devices: <none>\n',
    );
    expect(record.arrays).to.deep.equal([
      {
        name: 'md4',
        state: 'inactive',
        personality: 'raid1',
        devices: [
          { name: 'sda3', role: 0, flags: ['F'] },
          { name: 'sdb3', role: 1, flags: ['S'] },
        ],
        blocks: 4883648,
        raid_disks: 2,
        working_disks: 2,
        status: 'UU',
      },
    ]);
  });
});
