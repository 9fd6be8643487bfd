import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseMountinfo } from '../../../src/parsers/pid/mountinfo';
import { fixture } from '../../support/fixtures';

describe('pid/mountinfo', () => {
  it('parses Linux 6.x (no optional fields)', () => {
    const records = parseMountinfo(fixture('proc/4242/mountinfo'));
    expect(records).to.have.length(20);
    expect(records[0]).to.deep.equal({
      mount_id: 22,
      parent_id: 27,
      major: 0,
      minor: 21,
      root: '/',
      mount_point: '/proc',
      mount_options: { rw: true, relatime: true },
      optional_fields: {},
      fstype: 'proc',
      source: 'proc',
      super_options: { rw: true },
    });
    expect(records[19]).to.deep.equal({
      mount_id: 41,
      parent_id: 31,
      major: 0,
      minor: 38,
      root: '/',
      mount_point: '/sys/fs/cgroup/unified',
      mount_options: { rw: true, relatime: true },
      optional_fields: {},
      fstype: 'cgroup2',
      source: 'cgroup2',
      super_options: { rw: true },
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseMountinfo(fixture('linux-3.2/proc/self/mountinfo'));
    expect(records).to.have.length(16);
    expect(records[0]).to.deep.equal({
      mount_id: 15,
      parent_id: 20,
      major: 0,
      minor: 14,
      root: '/',
      mount_point: '/sys',
      mount_options: { rw: true, nosuid: true, nodev: true, noexec: true, relatime: true },
      optional_fields: {},
      fstype: 'sysfs',
      source: 'sysfs',
      super_options: { rw: true },
    });
    expect(records[15]).to.deep.include({
      mount_id: 32,
      parent_id: 19,
      major: 0,
      minor: 20,
      mount_point: '/run/rpc_pipefs',
      fstype: 'rpc_pipefs',
    });
  });

  it('parses optional fields and decodes escapes (synthetic, after show_mountinfo())', () => {
    const records = parseMountinfo(fixture('synthetic/proc/self/mountinfo'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({
      mount_id: 21,
      parent_id: 1,
      major: 254,
      minor: 1,
      root: '/',
      mount_point: '/',
      mount_options: { rw: true, relatime: true },
      optional_fields: { shared: 1 },
      fstype: 'ext4',
      source: '/dev/vda1',
      super_options: { rw: true, errors: 'remount-ro' },
    });
    expect(records[4].optional_fields).to.deep.equal({ shared: 13, master: 12 });
    expect(records[5]).to.deep.include({ root: '/srv/My Files', mount_point: '/mnt/My Files' });
    expect(records[6].mount_point).to.equal('/media/usb\tstick');
    expect(records[7]).to.deep.include({
      mount_point: '/home/ann/back\\slash\nname',
      fstype: 'fuse.sshfs',
      optional_fields: { master: 55, propagate_from: 1 },
    });
    expect(records[8]).to.deep.include({ source: '//server/My Share' });
    expect(records[8].super_options).to.deep.include({ vers: '3.1.1', prefixpath: 'My Docs' });
    expect(records[9]).to.deep.equal({
      mount_id: 30,
      parent_id: 21,
      major: 0,
      minor: 63,
      root: '/',
      mount_point: '/tmp/private',
      mount_options: { rw: true, relatime: true },
      optional_fields: { unbindable: true },
      fstype: 'tmpfs',
      source: 'tmpfs',
      super_options: { rw: true, size: '1024k', inode64: true },
    });
  });

  it('rejects a line without the separator, and a bad major:minor', () => {
    expect(() => parseMountinfo('22 27 0:21 / /proc rw,relatime shared:1 proc proc rw\n', '/proc/1/mountinfo')).to.throw(
      ParseError,
      /\/proc\/1\/mountinfo:1: missing the " - " separator/,
    );
    expect(() => parseMountinfo('22 27 0:21 / /proc rw - proc proc rw\n22 27 0x15 / /proc rw - proc proc rw\n')).to.throw(
      ParseError,
      /mountinfo:2: expected major:minor \("0x15"\)/,
    );
    expect(() => parseMountinfo('22 27 0:21 / /proc rw - proc proc\n')).to.throw(ParseError, /mountinfo:1: expected at least 10 fields/);
  });

  it("takes a doubled space before the separator as one (node_exporter's fixture), and keeps an empty source after it", () => {
    const [rootfs, empty] = parseMountinfo('1 1 0:5 /  /root rw,nosuid shared:8 - rootfs rootfs rw\n40 21 0:50 / /x rw - tmpfs  rw\n');
    expect(rootfs).to.deep.equal({
      mount_id: 1,
      parent_id: 1,
      major: 0,
      minor: 5,
      root: '/',
      mount_point: '/root',
      mount_options: { rw: true, nosuid: true },
      optional_fields: { shared: 8 },
      fstype: 'rootfs',
      source: 'rootfs',
      super_options: { rw: true },
    });
    expect(empty).to.include({ mount_point: '/x', fstype: 'tmpfs', source: '' });
  });
});
