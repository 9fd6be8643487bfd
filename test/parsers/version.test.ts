import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseVersion } from '../../src/parsers/version';
import { fixture } from '../support/fixtures';

describe('version', () => {
  it('parses Linux 6.x', () => {
    expect(parseVersion(fixture('proc/version'))).to.deep.equal([
      {
        banner:
          'Linux version 6.18.44-fc-v782 (builder@sandboxing) (gcc (GCC) 15.3.0, GNU ld (GNU Binutils) 2.46) #1 SMP PREEMPT_DYNAMIC @0',
        sysname: 'Linux',
        release: '6.18.44-fc-v782',
        compile_by: 'builder',
        compile_host: 'sandboxing',
        compiler: 'gcc (GCC) 15.3.0, GNU ld (GNU Binutils) 2.46',
        version: '#1 SMP PREEMPT_DYNAMIC @0',
      },
    ]);
  });

  it('parses Linux 3.2, matching the parentheses inside the compiler text', () => {
    expect(parseVersion(fixture('linux-3.2/proc/version'))).to.deep.equal([
      {
        banner:
          'Linux version 3.2.0-24-generic (buildd@crested) (gcc version 4.6.3 (Ubuntu/Linaro 4.6.3-1ubuntu5) ) #39-Ubuntu SMP Mon May 21 16:52:17 UTC 2012',
        sysname: 'Linux',
        release: '3.2.0-24-generic',
        compile_by: 'buildd',
        compile_host: 'crested',
        compiler: 'gcc version 4.6.3 (Ubuntu/Linaro 4.6.3-1ubuntu5)',
        version: '#39-Ubuntu SMP Mon May 21 16:52:17 UTC 2012',
      },
    ]);
  });

  it('rejects an unclosed compiler text', () => {
    expect(() => parseVersion('Linux version 3.2.0 (a@b) (gcc (x #1 SMP\n', '/tmp/version')).to.throw(
      ParseError,
      /\/tmp\/version:1: unclosed "\(COMPILER"/,
    );
  });

  it('rejects text that is not a banner', () => {
    expect(() => parseVersion('hello world\n')).to.throw(ParseError, /version:1: expected "SYSNAME version/);
  });
});
