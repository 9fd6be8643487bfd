import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseKallsyms } from '../../src/parsers/kallsyms';
import { fixture } from '../support/fixtures';

describe('kallsyms', () => {
  it('parses Linux 6.x (122,165 symbols, no modules)', () => {
    const records = parseKallsyms(fixture('proc/kallsyms'));
    expect(records).to.have.length(122165);
    expect(records[0]).to.deep.equal({ address: 'ffffffff81000000', type: 'T', name: 'srso_alias_untrain_ret' });
    expect(records[122164]).to.deep.equal({ address: 'ffffffff83b24974', type: 'R', name: '__stop_runtime_ptr_USER_PTR_MAX' });
    expect(records[9]).to.deep.equal({ address: 'ffffffff81000138', type: 't', name: 'syscall_return_via_sysret' });
  });

  it('parses Linux 3.2 with module symbols', () => {
    const records = parseKallsyms(fixture('linux-3.2/proc/kallsyms'));
    expect(records).to.have.length(84779);
    expect(records[0]).to.deep.equal({ address: '0000000000000000', type: 'D', name: 'irq_stack_union' });
    expect(records[84778]).to.deep.equal({ address: 'ffffffffa0000760', type: 't', name: 'cleanup_module', module: 'linear' });
    const hostInfo = records.find((r) => r.name === 'host_info');
    expect(hostInfo).to.deep.equal({ address: 'ffffffffa0677000', type: 't', name: 'host_info', module: 'usb_storage' });
  });

  it('parses a last line without a newline', () => {
    expect(parseKallsyms('ffffffff81000000 T _stext\nffffffffa0000000 t x\t[m]')).to.deep.equal([
      { address: 'ffffffff81000000', type: 'T', name: '_stext' },
      { address: 'ffffffffa0000000', type: 't', name: 'x', module: 'm' },
    ]);
  });

  it('rejects a non-hex address with file and line', () => {
    expect(() => parseKallsyms('ffffffff81000000 T a\nfffffffz81000000 T b\n', '/tmp/kallsyms')).to.throw(
      ParseError,
      /\/tmp\/kallsyms:2: expected "ADDRESS TYPE NAME" with a hexadecimal address: "fffffffz81000000 T b"/,
    );
  });

  it('rejects a missing type, a missing name and a broken module', () => {
    expect(() => parseKallsyms('ffffffff81000000 _stext\n')).to.throw(ParseError, /kallsyms:1: expected a one-letter symbol type/);
    expect(() => parseKallsyms('ffffffff81000000 T \n')).to.throw(ParseError, /kallsyms:1: expected one symbol name/);
    expect(() => parseKallsyms('ffffffff81000000 T a\nffffffff81000000 T x\tlinear\n')).to.throw(
      ParseError,
      /kallsyms:2: expected "\[module\]"/,
    );
  });
});
