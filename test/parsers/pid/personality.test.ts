import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePersonality } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/personality', () => {
  it('parses Linux 6.x', () => {
    expect(parsePersonality(fixture('proc/4242/personality'))).to.deep.equal([{ personality: '00000000' }]);
  });
  it('parses Linux 3.2', () => {
    expect(parsePersonality(fixture('linux-3.2/proc/self/personality'))).to.deep.equal([{ personality: '00000000' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parsePersonality('')).to.deep.equal([]);
    expect(() => parsePersonality('linux\n', '/proc/1/personality')).to.throw(ParseError, /\/proc\/1\/personality:1: personality is not hexadecimal/);
  });
});
