import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { pressureMemory } from '../../../src/parsers/pressure/memory';
import { fixture } from '../../support/fixtures';

describe('pressure/memory', () => {
  it('parses Linux 6.x', () => {
    expect(pressureMemory.parse(fixture('proc/pressure/memory'), 'pressure/memory')).to.deep.equal([
      { kind: 'some', avg10: 0, avg60: 0, avg300: 0, total: 0 },
      { kind: 'full', avg10: 0, avg60: 0, avg300: 0, total: 0 },
    ]);
  });

  it('keeps a key a newer kernel adds', () => {
    expect(pressureMemory.parse('some avg10=0.00 avg60=0.00 avg300=0.00 total=5 avg900=0.10\n', 'pressure/memory')).to.deep.equal([
      { kind: 'some', avg10: 0, avg60: 0, avg300: 0, total: 5, avg900: 0.1 },
    ]);
  });

  it('rejects a total that is not an integer', () => {
    expect(() => pressureMemory.parse('full avg10=0.00 avg60=0.00 avg300=0.00 total=1.5\n', '/tmp/memory')).to.throw(
      ParseError,
      /\/tmp\/memory:1: total is not an integer \("1.5"\)/,
    );
  });
});
