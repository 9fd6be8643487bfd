import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseChildren } from '../../../src/parsers/pid/children';
import { fixturePath } from '../../support/fixtures';

describe('pid/children', () => {
  it('parses Linux 6.x task/<tid>/children (no newline)', () => {
    const result = parseFile(fixturePath('proc/4243/task/4243/children'));
    expect(result.handler).to.equal('pid/children');
    expect(result.records).to.deep.equal([{ pid: 26586 }, { pid: 26587 }]);
  });
  it('gives no record for a thread without children', () => {
    expect(parseChildren('')).to.deep.equal([]);
  });
  it('rejects a token that is not a pid', () => {
    expect(() => parseChildren('12 x ', '/proc/1/task/1/children')).to.throw(
      ParseError,
      /\/proc\/1\/task\/1\/children:1: child pid is not an integer \("x"\)/,
    );
  });
});
