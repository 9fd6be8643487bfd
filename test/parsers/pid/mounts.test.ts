import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseMounts } from '../../../src/parsers/formats/mounts';
import { fixture, fixturePath } from '../../support/fixtures';

describe('pid/mounts', () => {
  it('resolves /proc/<pid>/mounts to pid/mounts and parses Linux 6.x', () => {
    const result = parseFile(fixturePath('proc/4242/mounts'));
    expect(result.handler).to.equal('pid/mounts');
    expect(result.records).to.have.length(20);
    expect(result.records[5]).to.deep.equal({
      device: '/dev/vda',
      mount_point: '/',
      fstype: 'ext4',
      options: { rw: true, relatime: true, discard: true, resv_strict: true, resuid: '65534', resgid: '65534' },
      dump: 0,
      pass: 0,
    });
    expect(result.records[19]).to.include({ device: 'cgroup2', mount_point: '/sys/fs/cgroup/unified', fstype: 'cgroup2' });
  });

  it('parses Linux 3.2 self/mounts', () => {
    const result = parseFile(fixturePath('linux-3.2/proc/self/mounts'));
    expect(result.handler).to.equal('pid/mounts');
    expect(result.records).to.have.length(18);
    expect(result.records[6]).to.deep.equal({
      device: '/dev/disk/by-uuid/a959862a-84b7-4373-b7d6-954ac9005249',
      mount_point: '/',
      fstype: 'ext4',
      options: { rw: true, relatime: true, errors: 'remount-ro', user_xattr: true, barrier: '1', stripe: '256', data: 'ordered' },
      dump: 0,
      pass: 0,
    });
  });

  it('reports the per-process file name in errors', () => {
    expect(() => parseMounts(fixture('proc/4242/mounts') + 'garbage\n', '/proc/4242/mounts')).to.throw(
      ParseError,
      /\/proc\/4242\/mounts:21: expected 6 space-separated fields, found 1/,
    );
  });
});
