import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePressure } from '../../../src/parsers/formats/pressure';
import { pressureCpu } from '../../../src/parsers/pressure/cpu';
import { fixture } from '../../support/fixtures';

describe('pressure/cpu', () => {
  it('parses Linux 6.x', () => {
    expect(pressureCpu.parse(fixture('proc/pressure/cpu'), 'pressure/cpu')).to.deep.equal([
      { kind: 'some', avg10: 0, avg60: 0.18, avg300: 0.25, total: 1591467 },
      { kind: 'full', avg10: 0, avg60: 0, avg300: 0, total: 0 },
    ]);
  });

  it('parses the "some"-only file of kernels before 5.13', () => {
    expect(parsePressure('some avg10=1.50 avg60=0.75 avg300=0.20 total=123456\n')).to.deep.equal([
      { kind: 'some', avg10: 1.5, avg60: 0.75, avg300: 0.2, total: 123456 },
    ]);
  });

  it('rejects an average that is not a number', () => {
    expect(() => pressureCpu.parse('some avg10=x avg60=0.18 avg300=0.25 total=1591467\n', '/tmp/cpu')).to.throw(
      ParseError,
      /\/tmp\/cpu:1: avg10 is not a number \("x"\)/,
    );
  });

  it('rejects a line without total', () => {
    expect(() => parsePressure('some avg10=0.00 avg60=0.18 avg300=0.25\n', 'pressure/cpu')).to.throw(
      ParseError,
      /pressure\/cpu:1: missing total/,
    );
  });
});
