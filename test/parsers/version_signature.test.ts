import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseVersionSignature } from '../../src/parsers/version_signature';
import { fixture } from '../support/fixtures';

describe('version_signature', () => {
  it('parses the Ubuntu 3.2 signature', () => {
    expect(parseVersionSignature(fixture('linux-3.2/proc/version_signature'))).to.deep.equal([
      {
        signature: 'Ubuntu 3.2.0-24.39-generic 3.2.16',
        distribution: 'Ubuntu',
        version: '3.2.0-24.39-generic',
        upstream_version: '3.2.16',
      },
    ]);
  });

  it('keeps a signature of another shape as text only', () => {
    expect(parseVersionSignature('Custom build 42 of today\n')).to.deep.equal([{ signature: 'Custom build 42 of today' }]);
  });

  it('rejects a second line', () => {
    expect(() => parseVersionSignature('Ubuntu 3.2.0-24.39-generic 3.2.16\nmore\n', '/tmp/vs')).to.throw(
      ParseError,
      /\/tmp\/vs:2: expected one line/,
    );
  });
});
