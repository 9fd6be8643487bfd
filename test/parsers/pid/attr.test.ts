import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseAttr } from '../../../src/parsers/pid/attr';
import { fixturePath } from '../../support/fixtures';

describe('pid/attr', () => {
  it('parses the synthetic AppArmor label with its mode', () => {
    const result = parseFile(fixturePath('synthetic/proc/1234/attr/current'));
    expect(result.handler).to.equal('pid/attr');
    expect(result.records).to.deep.equal([{ label: 'docker-default', mode: 'enforce' }]);
  });
  it('parses an unconfined label, a SELinux context with its NUL, and an empty file', () => {
    expect(parseAttr('unconfined\n')).to.deep.equal([{ label: 'unconfined' }]);
    expect(parseAttr('system_u:system_r:init_t:s0\0')).to.deep.equal([{ label: 'system_u:system_r:init_t:s0' }]);
    expect(parseAttr('')).to.deep.equal([]);
  });
  it('rejects two labels', () => {
    expect(() => parseAttr('a\nb\n', '/proc/1/attr/current')).to.throw(ParseError, /\/proc\/1\/attr\/current:2: expected one label/);
  });
});
