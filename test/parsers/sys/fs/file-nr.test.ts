import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseFileNr } from '../../../../src/parsers/sys/fs/file-nr';
import { fixture } from '../../../support/fixtures';

describe('sys/fs/file-nr', () => {
  it('parses Linux 6.x', () => {
    expect(parseFileNr(fixture('proc/sys/fs/file-nr'))).to.deep.equal([{ allocated: 117, unused: 0, maximum: 2466165 }]);
  });

  it('rejects a count that is not a number', () => {
    expect(() => parseFileNr('117\tx\t2466165\n', '/tmp/file-nr')).to.throw(
      ParseError,
      /\/tmp\/file-nr:1: unused is not an integer \("x"\)/,
    );
  });

  it('rejects a truncated line', () => {
    expect(() => parseFileNr('117\t0\n')).to.throw(ParseError, /file-nr:1: expected "allocated unused maximum", found 2 fields/);
  });
});
