import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseComm } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/comm', () => {
  it('parses Linux 6.x', () => {
    expect(parseComm(fixture('proc/4242/comm'))).to.deep.equal([{ comm: 'python3' }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseComm(fixture('linux-3.2/proc/self/comm'))).to.deep.equal([{ comm: 'cat' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseComm('')).to.deep.equal([]);
    expect(() => parseComm('a\nb\n', '/proc/1/comm')).to.throw(ParseError, /\/proc\/1\/comm:2: expected one line, found 2/);
  });
});
