import { expect } from 'chai';
import { parseCmdline } from '../../../src/parsers/pid/cmdline';
import { fixture } from '../../support/fixtures';

describe('pid/cmdline', () => {
  it('parses Linux 6.x: NUL-separated argv', () => {
    expect(parseCmdline(fixture('proc/4242/cmdline'))).to.deep.equal([{ argv: ['/root/.pyenv/versions/3.11.7/bin/python3', 'holder.py'] }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseCmdline(fixture('linux-3.2/proc/self/cmdline'))).to.deep.equal([{ argv: ['cat', '/proc/self/cmdline'] }]);
  });
  it('keeps a rewritten title (spaces, no NUL) as one element and empty arguments', () => {
    expect(parseCmdline('postgres: checkpointer   ')).to.deep.equal([{ argv: ['postgres: checkpointer   '] }]);
    expect(parseCmdline('a\0\0b\0')).to.deep.equal([{ argv: ['a', '', 'b'] }]);
  });
  it('gives no record for a kernel thread (empty file); no text is malformed', () => {
    expect(parseCmdline('')).to.deep.equal([]);
    // Linux 3.2 cuts the command line at one page: the last argument is unterminated, not an error.
    expect(parseCmdline('a\0bc')).to.deep.equal([{ argv: ['a', 'bc'] }]);
  });
});
