import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { usrLibOsRelease } from '../../../../../src/parsers/rootfs/usr/lib/os-release';
import { fixture } from '../../../../support/fixtures';

describe('rootfs/usr/lib/os-release', () => {
  it('parses Debian 12', () => {
    const records = usrLibOsRelease.parse(fixture('rootfs/usr/lib/os-release'), 'os-release');
    expect(records.map((r) => r.name)).to.deep.equal([
      'PRETTY_NAME',
      'NAME',
      'VERSION_ID',
      'VERSION',
      'VERSION_CODENAME',
      'ID',
      'HOME_URL',
      'SUPPORT_URL',
      'BUG_REPORT_URL',
    ]);
    expect(records[2]).to.deep.equal({ name: 'VERSION_ID', value: '12' });
  });

  it('parses the synthetic image: escapes, single quotes, an empty value and a trailing comment', () => {
    const records = usrLibOsRelease.parse(fixture('synthetic/rootfs/usr/lib/os-release'), 'os-release');
    const value = (name: string) => records.find((r) => r.name === name)?.value;
    expect(records).to.have.length(20);
    expect(records[0]).to.deep.equal({ name: 'NAME', value: 'Fedora Linux' });
    expect(records[19]).to.deep.equal({ name: 'ID_LIKE', value: 'rhel centos' });
    expect(value('BUILD_ID')).to.equal('2024-11-09 "nightly"');
    expect(value('OSTREE_VERSION')).to.equal('41.20241109.3.0');
    expect(value('VERSION_CODENAME')).to.equal('');
    expect(value('IMAGE_VERSION')).to.equal('41.20241109.3.0');
  });

  it('rejects a backslash at the end of the line', () => {
    expect(() => usrLibOsRelease.parse('NAME=a\\\n', '/usr/lib/os-release')).to.throw(
      ParseError,
      /\/usr\/lib\/os-release:1: backslash at the end of the line/,
    );
  });
});
