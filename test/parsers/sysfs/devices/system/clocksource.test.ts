import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { availableClocksource } from '../../../../../src/parsers/sysfs/devices/system/clocksource/available_clocksource';
import { currentClocksource } from '../../../../../src/parsers/sysfs/devices/system/clocksource/current_clocksource';
import { fixture } from '../../../../support/fixtures';

const DIR = 'devices/system/clocksource/clocksource0';

describe('sysfs/devices/system/clocksource/available_clocksource', () => {
  it('parses the capture (the kernel ends each name with a space)', () => {
    expect(availableClocksource.parse(fixture(`sys/${DIR}/available_clocksource`), 'available')).to.deep.equal([
      { clocksource: 'tsc' },
      { clocksource: 'kvm-clock' },
    ]);
  });

  it('keeps the kernel order of three sources', () => {
    expect(availableClocksource.parse(fixture(`synthetic/sys/${DIR}/available_clocksource`), 'available')).to.deep.equal([
      { clocksource: 'tsc' },
      { clocksource: 'hpet' },
      { clocksource: 'acpi_pm' },
    ]);
  });

  it('rejects a line without a name and a second line', () => {
    expect(() => availableClocksource.parse(' \n', '/tmp/available')).to.throw(
      ParseError,
      /available:1: expected at least one clock source/,
    );
    expect(() => availableClocksource.parse('tsc \nhpet \n', 'available')).to.throw(ParseError, /available:2: expected one line/);
  });
});

describe('sysfs/devices/system/clocksource/current_clocksource', () => {
  it('parses the capture and the synthetic machine', () => {
    expect(currentClocksource.parse(fixture(`sys/${DIR}/current_clocksource`), 'current')).to.deep.equal([{ clocksource: 'tsc' }]);
    expect(currentClocksource.parse(fixture(`synthetic/sys/${DIR}/current_clocksource`), 'current')).to.deep.equal([
      { clocksource: 'hpet' },
    ]);
  });

  it('rejects two names', () => {
    expect(() => currentClocksource.parse('tsc hpet\n', '/tmp/current')).to.throw(
      ParseError,
      /current:1: expected one clock source, found 2/,
    );
  });
});
