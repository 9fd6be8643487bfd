import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSessionid } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/sessionid', () => {
  it('parses Linux 6.x', () => {
    expect(parseSessionid(fixture('proc/4242/sessionid'))).to.deep.equal([{ sessionid: 4294967295 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseSessionid(fixture('linux-3.2/proc/self/sessionid'))).to.deep.equal([{ sessionid: 4294967295 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseSessionid('')).to.deep.equal([]);
    expect(() => parseSessionid('1\n2\n', '/proc/1/sessionid')).to.throw(ParseError, /\/proc\/1\/sessionid:2: expected one line/);
  });
});
