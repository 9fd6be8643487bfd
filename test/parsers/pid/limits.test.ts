import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseLimits } from '../../../src/parsers/pid/limits';
import { fixture } from '../../support/fixtures';

describe('pid/limits', () => {
  it('parses Linux 6.x with "unlimited" kept apart from numbers', () => {
    const records = parseLimits(fixture('proc/4242/limits'));
    expect(records).to.have.length(16);
    expect(records[0]).to.deep.equal({ limit: 'Max cpu time', soft_limit: 'unlimited', hard_limit: 'unlimited', units: 'seconds' });
    expect(records[3]).to.deep.equal({ limit: 'Max stack size', soft_limit: 8388608, hard_limit: 'unlimited', units: 'bytes' });
    expect(records[7]).to.deep.equal({ limit: 'Max open files', soft_limit: 20000, hard_limit: 20000, units: 'files' });
    expect(records[13]).to.deep.equal({ limit: 'Max nice priority', soft_limit: 0, hard_limit: 0 });
    expect(records[15]).to.deep.equal({ limit: 'Max realtime timeout', soft_limit: 'unlimited', hard_limit: 'unlimited', units: 'us' });
  });
  it('parses Linux 3.2', () => {
    const records = parseLimits(fixture('linux-3.2/proc/self/limits'));
    expect(records).to.have.length(16);
    expect(records[7]).to.deep.equal({ limit: 'Max open files', soft_limit: 1024, hard_limit: 4096, units: 'files' });
    expect(records[15]).to.deep.equal({ limit: 'Max realtime timeout', soft_limit: 'unlimited', hard_limit: 'unlimited', units: 'us' });
  });
  it('rejects a value that is neither a number nor unlimited, and a missing header', () => {
    const header = 'Limit                     Soft Limit           Hard Limit           Units     \n';
    expect(() =>
      parseLimits(header + 'Max open files            lots                 4096                 files     \n', '/proc/1/limits'),
    ).to.throw(ParseError, /\/proc\/1\/limits:2: soft limit is neither a number nor "unlimited" \("lots"\)/);
    expect(() => parseLimits('Max open files 1 2 files\n')).to.throw(ParseError, /pid\/limits:1: expected the "Limit/);
  });
});
