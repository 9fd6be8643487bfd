import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { decodeOctalEscapes, parseMounts } from '../../src/parsers/formats/mounts';
import { fixture } from '../support/fixtures';

describe('mounts', () => {
  it('parses Linux 6.x /proc/mounts', () => {
    const records = parseMounts(fixture('proc/mounts'));
    expect(records).to.have.length(20);
    expect(records[0]).to.deep.equal({
      device: 'proc',
      mount_point: '/proc',
      fstype: 'proc',
      options: { rw: true, relatime: true },
      dump: 0,
      pass: 0,
    });
    expect(records[2]).to.deep.equal({
      device: 'devtmpfs',
      mount_point: '/dev',
      fstype: 'devtmpfs',
      options: { rw: true, relatime: true, size: '12334432k', nr_inodes: '3083608', mode: '755' },
      dump: 0,
      pass: 0,
    });
    expect(records[19]).to.deep.equal({
      device: 'cgroup2',
      mount_point: '/sys/fs/cgroup/unified',
      fstype: 'cgroup2',
      options: { rw: true, relatime: true },
      dump: 0,
      pass: 0,
    });
  });

  it('parses Linux 3.2 /proc/mounts', () => {
    const records = parseMounts(fixture('linux-3.2/proc/mounts'));
    expect(records).to.have.length(18);
    expect(records[0]).to.deep.equal({ device: 'rootfs', mount_point: '/', fstype: 'rootfs', options: { rw: true }, dump: 0, pass: 0 });
    expect(records[17]).to.deep.equal({
      device: 'gvfs-fuse-daemon',
      mount_point: '/var/lib/lightdm/.gvfs',
      fstype: 'fuse.gvfs-fuse-daemon',
      options: { rw: true, nosuid: true, nodev: true, relatime: true, user_id: '104', group_id: '111' },
      dump: 0,
      pass: 0,
    });
  });

  it('decodes octal escapes in device, mount point and options', () => {
    const [r] = parseMounts('//srv/My\\040Share /mnt/a\\011b\\012c\\134d cifs rw,prefixpath=My\\040Docs 0 0\n');
    expect(r.device).to.equal('//srv/My Share');
    expect(r.mount_point).to.equal('/mnt/a\tb\nc\\d');
    expect(r.options).to.deep.equal({ rw: true, prefixpath: 'My Docs' });
    expect(decodeOctalEscapes('a\\x\\04')).to.equal('a\\x\\04');
  });

  it('rejects a truncated line and a non-numeric dump field', () => {
    expect(() => parseMounts('proc /proc proc rw,relatime 0 0\nsysfs /sys sysfs rw\n', '/tmp/mounts')).to.throw(
      ParseError,
      /\/tmp\/mounts:2: expected 6 space-separated fields, found 4/,
    );
    expect(() => parseMounts('proc /proc proc rw x 0\n')).to.throw(ParseError, /mounts:1: dump is not an integer \("x"\)/);
  });
});
