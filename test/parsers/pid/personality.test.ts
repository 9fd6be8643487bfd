import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { personality } from '../../../src/parsers/pid/personality';
import { fixture } from '../../support/fixtures';

describe('pid/personality', () => {
  it('parses Linux 6.x', () => {
    expect(personality.parse(fixture('proc/4242/personality'), 'pid/personality')).to.deep.equal([{ personality: '00000000' }]);
  });
  it('parses Linux 3.2', () => {
    expect(personality.parse(fixture('linux-3.2/proc/self/personality'), 'pid/personality')).to.deep.equal([{ personality: '00000000' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(personality.parse('', 'pid/personality')).to.deep.equal([]);
    expect(() => personality.parse('linux\n', '/proc/1/personality')).to.throw(
      ParseError,
      /\/proc\/1\/personality:1: personality is not hexadecimal/,
    );
  });
});
