import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseArchStatus } from '../../../src/parsers/pid/arch_status';
import { fixture } from '../../support/fixtures';

describe('pid/arch_status', () => {
  it('parses Linux 6.x (x86)', () => {
    expect(parseArchStatus(fixture('proc/4242/arch_status'))).to.deep.equal([{ AVX512_elapsed_ms: 5204 }]);
  });
  it('keeps -1 (never used AVX-512)', () => {
    expect(parseArchStatus('AVX512_elapsed_ms:\t-1\n')).to.deep.equal([{ AVX512_elapsed_ms: -1 }]);
  });
  it('rejects text where the number must be', () => {
    expect(() => parseArchStatus('AVX512_elapsed_ms:\tnever\n', '/proc/1/arch_status')).to.throw(
      ParseError,
      /\/proc\/1\/arch_status:1: AVX512_elapsed_ms is not an integer/,
    );
  });
});
