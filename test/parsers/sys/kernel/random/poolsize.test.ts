import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { poolsize } from '../../../../../src/parsers/sys/kernel/random/poolsize';
import { fixture } from '../../../../support/fixtures';

describe('sys/kernel/random/poolsize', () => {
  it('parses Linux 6.x', () => {
    expect(poolsize.parse(fixture('proc/sys/kernel/random/poolsize'), 'poolsize')).to.deep.equal([{ value: 256 }]);
  });

  it('parses the 4096-bit pool of older kernels', () => {
    expect(poolsize.parse('4096\n', 'sys/kernel/random/poolsize')).to.deep.equal([{ value: 4096 }]);
  });

  it('rejects two numbers', () => {
    expect(() => poolsize.parse('4096 256\n', '/tmp/poolsize')).to.throw(
      ParseError,
      /\/tmp\/poolsize:1: expected one number, found 2 fields/,
    );
  });
});
