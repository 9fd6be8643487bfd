import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { threadsMax } from '../../../../src/parsers/sys/kernel/threads-max';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/threads-max', () => {
  it('parses Linux 6.x', () => {
    expect(threadsMax.parse(fixture('proc/sys/kernel/threads-max'), 'threads-max')).to.deep.equal([{ value: 192729 }]);
  });

  it('rejects a value that is not a number', () => {
    expect(() => threadsMax.parse('ten\n', '/tmp/threads-max')).to.throw(
      ParseError,
      /\/tmp\/threads-max:1: value is not an integer \("ten"\)/,
    );
  });

  it('rejects a second line', () => {
    expect(() => threadsMax.parse('1\n2\n', '/tmp/threads-max')).to.throw(ParseError, /\/tmp\/threads-max:2: expected one line/);
  });
});
