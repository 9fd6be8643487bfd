import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseStack } from '../../../src/parsers/pid/stack';
import { fixture } from '../../support/fixtures';

describe('pid/stack', () => {
  it('parses Linux 6.x (addresses hidden as 0)', () => {
    const records = parseStack(fixture('proc/4242/stack'));
    expect(records).to.have.length(5);
    expect(records[0]).to.deep.equal({ address: '0', function: 'hrtimer_nanosleep', offset: '0xb5', size: '0x130' });
    expect(records[4]).to.deep.equal({ address: '0', function: 'entry_SYSCALL_64_after_hwframe', offset: '0x76', size: '0x7e' });
  });
  it('parses Linux 3.2, with the final frame that has no symbol', () => {
    const records = parseStack(fixture('linux-3.2/proc/self/stack'));
    expect(records).to.have.length(8);
    expect(records[0]).to.deep.equal({ address: 'ffffffff81021486', function: 'save_stack_trace_tsk', offset: '0x26', size: '0x50' });
    expect(records[7]).to.deep.equal({ address: 'ffffffffffffffff', function: '0xffffffffffffffff' });
  });
  it('keeps the module of a frame', () => {
    expect(parseStack('[<0>] kvm_vcpu_block+0x5c/0x90 [kvm]\n')).to.deep.equal([
      { address: '0', function: 'kvm_vcpu_block', offset: '0x5c', size: '0x90', module: 'kvm' },
    ]);
  });
  it('rejects a line that is not a frame', () => {
    expect(() => parseStack('[<0>] a+0x1/0x2\nschedule+0x1/0x2\n', '/proc/1/stack')).to.throw(
      ParseError,
      /\/proc\/1\/stack:2: expected "\[<address>\] function\+offset\/size"/,
    );
  });
});
