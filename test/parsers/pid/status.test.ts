import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseStatus } from '../../../src/parsers/pid/status';
import { fixture } from '../../support/fixtures';

describe('pid/status', () => {
  it('parses Linux 6.x: kB values, ids, lists and masks as written', () => {
    const records = parseStatus(fixture('proc/4242/status'));
    expect(records).to.have.length(1);
    const r = records[0];
    expect(r).to.include({ Name: 'python3', Umask: '0022', State: 'S (sleeping)', Tgid: 7984, Ngid: 0, PPid: 1, FDSize: 256, Threads: 1 });
    expect(r.Uid).to.deep.equal({ real: 0, effective: 0, saved: 0, filesystem: 0 });
    expect(r.Groups).to.deep.equal([]);
    expect(r.NSpgid).to.deep.equal([7939]);
    expect(r.kB).to.include({ VmPeak: 17136, VmRSS: 14436, RssAnon: 7400, VmPTE: 76, HugetlbPages: 0 });
    expect(Object.keys(r.kB)).to.have.length(16);
    expect(r).to.include({ SigQ: '0/96364', SigIgn: '0000000001001006', CapEff: '000001fffeffffff', untag_mask: '0xffffffffffffffff' });
    expect(r).to.include({
      Cpus_allowed: '3',
      Cpus_allowed_list: '0-1',
      Mems_allowed_list: '0',
      Speculation_Store_Bypass: 'thread vulnerable',
    });
    expect(r).to.include({ THP_enabled: 1, nonvoluntary_ctxt_switches: 2 });
  });

  it('parses Linux 3.2', () => {
    const [r] = parseStatus(fixture('linux-3.2/proc/self/status'));
    expect(r).to.include({
      Name: 'cat',
      State: 'R (running)',
      Tgid: 7044,
      PPid: 6883,
      CapBnd: 'ffffffffffffffff',
      Cpus_allowed: 'ff',
      Cpus_allowed_list: '0-7',
    });
    expect(r.Uid).to.deep.equal({ real: 500, effective: 501, saved: 502, filesystem: 503 });
    expect(r.Gid).to.deep.equal({ real: 400, effective: 401, saved: 402, filesystem: 403 });
    expect(r.Groups).to.deep.equal([109, 500, 1001]);
    expect(r.kB).to.deep.include({ VmPeak: 7184, VmLib: 1884, VmSwap: 0 });
    expect(r).to.include({ Mems_allowed: '00000000,00000001', nonvoluntary_ctxt_switches: 1 });
    expect(r).to.not.have.property('Umask');
  });

  it('keeps a command name with spaces as written', () => {
    expect(parseStatus('Name:\tmy (weird) proc\nState:\tS (sleeping)\n')[0].Name).to.equal('my (weird) proc');
  });

  it('rejects a short Uid line and text in a kB value', () => {
    expect(() => parseStatus('Name:\tx\nUid:\t0\t0\t0\n', '/proc/1/status')).to.throw(ParseError, /\/proc\/1\/status:2: expected four ids/);
    expect(() => parseStatus('VmRSS:\t  lots kB\n')).to.throw(ParseError, /pid\/status:1: VmRSS is not an integer \("lots"\)/);
    expect(() => parseStatus('Name python3\n')).to.throw(ParseError, /pid\/status:1: expected "Key:/);
  });

  it('numeric fields are numbers or a ParseError, never text', () => {
    const cases: [string, string][] = [
      ['Pid:\tx\n', 'pid/status:1: Pid is not an unsigned integer ("x")'],
      ['PPid:\t\n', 'pid/status:1: missing PPid'],
      ['Threads:\tInfinity\n', 'pid/status:1: Threads is not an unsigned integer ("Infinity")'],
      ['Tgid:\t0x10\n', 'pid/status:1: Tgid is not an unsigned integer ("0x10")'],
      ['FDSize:\t-1\n', 'pid/status:1: FDSize is not an unsigned integer ("-1")'],
      ['voluntary_ctxt_switches:\t1e5\n', 'pid/status:1: voluntary_ctxt_switches is not an unsigned integer ("1e5")'],
      [`Pid:\t${'9'.repeat(400)}\n`, 'pid/status:1: Pid is out of range (400 digits)'],
    ];
    for (const [text, message] of cases) expect(() => parseStatus(text), text).to.throw(ParseError, message);
    // A line a newer kernel adds: a number when it is one, its text otherwise.
    expect(parseStatus('Pid:\t42\nNewCount:\t7\nNewWords:\ton off\n')[0]).to.include({ Pid: 42, NewCount: 7, NewWords: 'on off' });
  });
});
