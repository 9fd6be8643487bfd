import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { sessionid } from '../../../src/parsers/pid/sessionid';
import { fixture } from '../../support/fixtures';

describe('pid/sessionid', () => {
  it('parses Linux 6.x', () => {
    expect(sessionid.parse(fixture('proc/4242/sessionid'), 'pid/sessionid')).to.deep.equal([{ sessionid: 4294967295 }]);
  });
  it('parses Linux 3.2', () => {
    expect(sessionid.parse(fixture('linux-3.2/proc/self/sessionid'), 'pid/sessionid')).to.deep.equal([{ sessionid: 4294967295 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(sessionid.parse('', 'pid/sessionid')).to.deep.equal([]);
    expect(() => sessionid.parse('1\n2\n', '/proc/1/sessionid')).to.throw(ParseError, /\/proc\/1\/sessionid:2: expected one line/);
  });
});
