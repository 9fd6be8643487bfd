import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseMeminfo } from '../../src/parsers/meminfo';
import { fixture } from '../support/fixtures';

describe('meminfo', () => {
  it('keeps kB as written and unitless HugePages counts (Linux 6.x)', () => {
    const records = parseMeminfo(fixture('proc/meminfo'));
    expect(records).to.have.length(54);
    expect(records[0]).to.deep.equal({ name: 'MemTotal', value: 24683656, unit: 'kB' });
    expect(records.find((r) => r.name === 'HugePages_Total')).to.deep.equal({ name: 'HugePages_Total', value: 0 });
    expect(records[53]).to.deep.equal({ name: 'DirectMap1G', value: 25165824, unit: 'kB' });
  });

  it('parses Linux 3.2', () => {
    const records = parseMeminfo(fixture('linux-3.2/proc/meminfo'));
    expect(records).to.have.length(43);
    expect(records[0]).to.deep.equal({ name: 'MemTotal', value: 32927900, unit: 'kB' });
    expect(records[42]).to.deep.equal({ name: 'DirectMap1G', value: 30408704, unit: 'kB' });
  });

  it('rejects a value that is not a number', () => {
    expect(() => parseMeminfo('MemTotal: 1 kB\nMemFree: lots kB\n')).to.throw(ParseError, /meminfo:2: MemFree is not an unsigned integer/);
  });

  it('takes only unsigned integers as the kernel prints them, and nothing past float64 (no Infinity)', () => {
    for (const token of ['1e5', '1.5', '-7', '+5', '007']) {
      expect(() => parseMeminfo(`MemTotal: ${token} kB\n`), token).to.throw(
        ParseError,
        `meminfo:1: MemTotal is not an unsigned integer (${JSON.stringify(token)})`,
      );
    }
    expect(() => parseMeminfo(`MemTotal: ${'9'.repeat(400)} kB\n`)).to.throw(
      ParseError,
      'meminfo:1: MemTotal is out of range (400 digits)',
    );
    expect(parseMeminfo('MemTotal: 18446744073709551615 kB\n')[0].value).to.equal(18446744073709552000);
  });
});
