import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseOsRelease } from '../../../../src/parsers/formats/os-release';
import { etcOsRelease } from '../../../../src/parsers/rootfs/etc/os-release';
import { parseFile } from '../../../../src/parse';
import { fixture, fixturePath } from '../../../support/fixtures';

describe('rootfs/etc/os-release', () => {
  it('parses Debian 12 (through the link Debian ships)', () => {
    const records = etcOsRelease.parse(fixture('rootfs/etc/os-release'), 'os-release');
    expect(records).to.have.length(9);
    expect(records[0]).to.deep.equal({ name: 'PRETTY_NAME', value: 'Debian GNU/Linux 12 (bookworm)' });
    expect(records[4]).to.deep.equal({ name: 'VERSION_CODENAME', value: 'bookworm' });
    expect(records[8]).to.deep.equal({ name: 'BUG_REPORT_URL', value: 'https://bugs.debian.org/' });
    expect(parseFile(fixturePath('rootfs/etc/os-release')).handler).to.equal('rootfs/etc/os-release');
  });

  it('follows the shell: quotes, escapes, comments, concatenation, export', () => {
    const text = [
      '# a comment',
      '',
      '  NAME="Foo \\"Linux\\" \\$HOME \\`x\\` \\q"  ',
      'VERSION=\'1.0 "lts"\'',
      'ID=foo # trailing comment',
      'ID_LIKE=a#b',
      'export VARIANT_ID=server',
      'BUILD_ID="a"\'b\'c',
      'EMPTY=',
      'ESCAPED=one\\ two',
    ].join('\n');
    expect(parseOsRelease(text)).to.deep.equal([
      { name: 'NAME', value: 'Foo "Linux" $HOME `x` \\q' },
      { name: 'VERSION', value: '1.0 "lts"' },
      { name: 'ID', value: 'foo' },
      { name: 'ID_LIKE', value: 'a#b' },
      { name: 'VARIANT_ID', value: 'server' },
      { name: 'BUILD_ID', value: 'abc' },
      { name: 'EMPTY', value: '' },
      { name: 'ESCAPED', value: 'one two' },
    ]);
  });

  it('keeps every assignment of a repeated key, in order', () => {
    expect(parseOsRelease('ID=a\nID=b\n')).to.deep.equal([
      { name: 'ID', value: 'a' },
      { name: 'ID', value: 'b' },
    ]);
  });

  it('rejects a line that is not an assignment, a bad name, an open quote and a control character', () => {
    expect(() => etcOsRelease.parse('NAME=x\nnot an assignment\n', '/etc/os-release')).to.throw(
      ParseError,
      /\/etc\/os-release:2: expected KEY=value/,
    );
    expect(() => parseOsRelease('1ID=x\n', 'os-release')).to.throw(ParseError, /os-release:1: "1ID" is not a variable name/);
    expect(() => parseOsRelease('NAME="Debian\n', 'os-release')).to.throw(ParseError, /os-release:1: unterminated double quote/);
    expect(() => parseOsRelease("NAME='Debian\n", 'os-release')).to.throw(ParseError, /os-release:1: unterminated single quote/);
    expect(() => parseOsRelease('NAME=Debian\r\n', 'os-release')).to.throw(ParseError, /os-release:1: control character "\\r"/);
  });
});
