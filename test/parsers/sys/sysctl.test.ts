import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { sysctlInts, sysctlPath, sysctlStrings } from '../../../src/parsers/formats/sysctl-values';
import { goIntegerOf as parseGoInt } from '../../../src/parsers/helpers';
import { fixture } from '../../support/fixtures';

describe('sysctl values (any /proc/sys file)', () => {
  it('names the file of a sysctl', () => {
    expect(sysctlPath('net.ipv4.tcp_rmem')).to.equal('sys/net/ipv4/tcp_rmem');
    expect(sysctlPath('kernel.pid_max')).to.equal('sys/kernel/pid_max');
  });

  it('reads the tab-separated values of a multi-valued sysctl (fs.file-nr, Linux 6.18)', () => {
    const text = fixture('proc/sys/fs/file-nr');
    expect(sysctlStrings(text)).to.deep.equal(['117', '0', '2466165']);
    expect(sysctlInts(text, 'file-nr')).to.deep.equal([117, 0, 2466165]);
    expect(sysctlInts(fixture('proc/sys/kernel/pid_max'), 'pid_max')).to.deep.equal([32768]);
  });

  it('reads text values field by field, over every line', () => {
    expect(sysctlStrings('reno cubic\nbbr\n')).to.deep.equal(['reno', 'cubic', 'bbr']);
    expect(sysctlStrings('')).to.deep.equal([]);
  });

  it("reads integers as Go's ParseInt with base 0 does", () => {
    const good = ['10', '-3', '+7', '0x1F', '0o17', '017', '0b101', '1_000', '0x_ff', '0'];
    expect(good.map(parseGoInt)).to.deep.equal([10, -3, 7, 31, 15, 15, 5, 1000, 255, 0]);
    expect(['', '-', '1_', '_1', '08', '0x', '1e3', '9223372036854775808', '1.5'].map(parseGoInt)).to.deep.equal(Array(9).fill(undefined));
  });

  it('rejects a field that is not an integer, naming its position and line', () => {
    expect(() => sysctlInts('4096\t131072\n6291456 lots\n', '/proc/sys/net/ipv4/tcp_rmem')).to.throw(
      ParseError,
      '/proc/sys/net/ipv4/tcp_rmem:2: field 3 is not a valid int ("lots"): "6291456 lots"',
    );
  });
});
