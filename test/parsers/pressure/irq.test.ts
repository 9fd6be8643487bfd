import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { pressureIrq } from '../../../src/parsers/pressure/irq';
import { fixture } from '../../support/fixtures';

describe('pressure/irq', () => {
  it('parses the synthetic "full"-only file', () => {
    expect(pressureIrq.parse(fixture('synthetic/proc/pressure/irq'), 'pressure/irq')).to.deep.equal([
      { kind: 'full', avg10: 0.12, avg60: 0.05, avg300: 0.01, total: 3217685 },
    ]);
  });

  it('rejects a pair without "="', () => {
    expect(() => pressureIrq.parse('full avg10 0.12 avg60=0.05 avg300=0.01 total=3217685\n', '/tmp/irq')).to.throw(
      ParseError,
      /\/tmp\/irq:1: expected "name=value" \("avg10"\)/,
    );
  });
});
