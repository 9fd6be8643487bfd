import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseFilesystems } from '../../src/parsers/filesystems';
import { fixture } from '../support/fixtures';

describe('filesystems', () => {
  it('parses Linux 6.x', () => {
    const records = parseFilesystems(fixture('proc/filesystems'));
    expect(records).to.have.length(31);
    expect(records[0]).to.deep.equal({ nodev: true, name: 'sysfs' });
    expect(records[17]).to.deep.equal({ nodev: false, name: 'ext3' });
    expect(records[30]).to.deep.equal({ nodev: true, name: 'pstore' });
  });

  it('parses Linux 3.2', () => {
    const records = parseFilesystems(fixture('linux-3.2/proc/filesystems'));
    expect(records).to.have.length(30);
    expect(records[0]).to.deep.equal({ nodev: true, name: 'sysfs' });
    expect(records[24]).to.deep.equal({ nodev: false, name: 'vfat' });
    expect(records[29]).to.deep.equal({ nodev: true, name: 'nfsd' });
  });

  it('rejects an unknown flag before the tab', () => {
    expect(() => parseFilesystems('nodev\tsysfs\nweird\text4\n', '/tmp/filesystems')).to.throw(
      ParseError,
      /\/tmp\/filesystems:2: expected "nodev" or nothing before the tab/,
    );
  });

  it('rejects a line without the tab', () => {
    expect(() => parseFilesystems('ext4\n')).to.throw(ParseError, /filesystems:1: expected/);
  });
});
