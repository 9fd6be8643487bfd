import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseKeyUsers } from '../../src/parsers/key-users';
import { fixture } from '../support/fixtures';

describe('key-users', () => {
  it('parses Linux 6.x', () => {
    expect(parseKeyUsers(fixture('proc/key-users'))).to.deep.equal([
      { uid: 0, usage: 9, nkeys: 8, nikeys: 8, qnkeys: 3, maxkeys: 1000000, qnbytes: 40, maxbytes: 25000000 },
    ]);
  });

  it('parses Linux 3.2', () => {
    const records = parseKeyUsers(fixture('linux-3.2/proc/key-users'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({ uid: 0, usage: 4, nkeys: 3, nikeys: 3, qnkeys: 0, maxkeys: 200, qnbytes: 0, maxbytes: 20000 });
    expect(records[1]).to.deep.equal({ uid: 1, usage: 4, nkeys: 13, nikeys: 3, qnkeys: 0, maxkeys: 200, qnbytes: 10, maxbytes: 20000 });
  });

  it('rejects a quota without its slash', () => {
    expect(() => parseKeyUsers('    0:     9 8/8 3 40/25000000\n', '/tmp/key-users')).to.throw(
      ParseError,
      /\/tmp\/key-users:1: expected "qnkeys\/maxkeys"/,
    );
  });

  it('rejects a truncated row', () => {
    expect(() => parseKeyUsers('    0:     9 8/8\n')).to.throw(ParseError, /key-users:1: expected "uid: usage/);
  });
});
