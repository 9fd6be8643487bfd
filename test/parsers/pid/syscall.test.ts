import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSyscall } from '../../../src/parsers/pid/syscall';
import { fixture } from '../../support/fixtures';

describe('pid/syscall', () => {
  it('parses Linux 6.x: number, six arguments, sp, pc', () => {
    expect(parseSyscall(fixture('proc/4242/syscall'))).to.deep.equal([
      {
        running: false,
        nr: 230,
        args: ['0x1', '0x1', '0x7fff8e8cb220', '0x0', '0x0', '0x0'],
        sp: '0x7fff8e8cb208',
        pc: '0x7f12904ed503',
      },
    ]);
  });
  it('parses Linux 3.2', () => {
    expect(parseSyscall(fixture('linux-3.2/proc/self/syscall'))).to.deep.equal([
      {
        running: false,
        nr: 0,
        args: ['0x3', '0xb59000', '0x8000', '0x7fffb2f1a600', '0x3', '0x1000000'],
        sp: '0x7fffb2f1a898',
        pc: '0x7f67a134bfe0',
      },
    ]);
  });
  it('parses "running" and a task outside a system call', () => {
    expect(parseSyscall('running\n')).to.deep.equal([{ running: true }]);
    expect(parseSyscall('-1 0x7ffd1234 0x401000\n')).to.deep.equal([{ running: false, nr: -1, sp: '0x7ffd1234', pc: '0x401000' }]);
  });
  it('rejects a wrong field count and a register that is not hex', () => {
    expect(() => parseSyscall('0 0x1 0x2 0x3\n', '/proc/1/syscall')).to.throw(
      ParseError,
      /\/proc\/1\/syscall:1: expected "running", "nr sp pc" or "nr arg1…arg6 sp pc", found 4 fields/,
    );
    expect(() => parseSyscall('-1 0xzz 0x1\n')).to.throw(ParseError, /pid\/syscall:1: register 1 is not hexadecimal/);
  });
});
