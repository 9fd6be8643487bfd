/** The number rules of src/parsers/helpers.ts, kind by kind: what the kernel prints passes, anything else is a ParseError. */
import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { digitsOf, floatOf, hexOf, integerOf, isDecimal, Lines, unsignedOf } from '../../src/parsers/helpers';

const src = new Lines('f', 'the line\n');
type Kind = 'int' | 'uint' | 'digits' | 'float' | 'hex';
const convert = (kind: Kind, token: string): number => src[kind](token, 0, 'x');
const error = (kind: Kind, token: string): string => {
  try {
    convert(kind, token);
  } catch (e) {
    expect(e).to.be.instanceOf(ParseError);
    return (e as ParseError).reason;
  }
  throw new Error(`${kind} accepted ${JSON.stringify(token)}`);
};
const huge = '9'.repeat(400);

describe('number rules (helpers)', () => {
  it('uint: digits without sign or leading zero (%u, %lu, %llu)', () => {
    expect(['0', '42', '18446744073709551615'].map((t) => convert('uint', t))).to.deep.equal([0, 42, 18446744073709552000]);
    for (const t of ['-7', '+5', '007', '00', '1e5', '1.5', '0x10', '', ' 1', 'Infinity', 'NaN', '١٢']) {
      expect(error('uint', t), t).to.equal(`x is not an unsigned integer (${JSON.stringify(t)})`);
    }
  });

  it('int: the same with an optional minus (%d, %ld)', () => {
    expect(['0', '-7', '9223372036854775807', '-9223372036854775808'].map((t) => convert('int', t))).to.deep.equal([
      0, -7, 9223372036854775807, -9223372036854775808,
    ]);
    for (const t of ['+5', '007', '-0', '-007', '1e5', '1.5', '--1', '-', 'x'])
      expect(error('int', t), t).to.equal(`x is not an integer (${JSON.stringify(t)})`);
  });

  it('digits: zero padding allowed (%02d), still no sign', () => {
    expect(['00', '007', '12'].map((t) => convert('digits', t))).to.deep.equal([0, 7, 12]);
    for (const t of ['-1', '+1', '1.0', '']) expect(error('digits', t), t).to.equal(`x is not a decimal number (${JSON.stringify(t)})`);
  });

  it('float: a decimal fraction as the kernel writes it ("%lu.%02lu"), no exponent, plus or leading zero', () => {
    expect(['0.55', '12', '12.0', '-3.5', '0.05'].map((t) => convert('float', t))).to.deep.equal([0.55, 12, 12, -3.5, 0.05]);
    for (const t of ['1e5', '1.5e3', '+1.5', '.5', '5.', '007.5', 'NaN', 'Infinity', '1,5'])
      expect(error('float', t), t).to.equal(`x is not a number (${JSON.stringify(t)})`);
  });

  it('hex: with or without 0x, zero padding normal (%08x)', () => {
    expect(['0000ff', '0xFF', 'deadbeef'].map((t) => convert('hex', t))).to.deep.equal([255, 255, 0xdeadbeef]);
    for (const t of ['0x', 'g1', '-1', '']) expect(error('hex', t), t).to.equal(`x is not hexadecimal (${JSON.stringify(t)})`);
  });

  it('nothing non-finite: a decimal of 310+ digits or hexadecimal of 256+ digits is out of range, for every kind', () => {
    for (const kind of ['int', 'uint', 'digits', 'float'] as const)
      expect(error(kind, huge), kind).to.equal('x is out of range (400 digits)');
    expect(error('int', `-${huge}`)).to.equal('x is out of range (401 digits)');
    expect(error('float', `${huge}.5`)).to.equal('x is out of range (402 digits)');
    expect(error('hex', 'f'.repeat(256))).to.equal('x is out of range (256 digits)');
    expect(convert('uint', '9'.repeat(308))).to.equal(1e308);
    expect(convert('hex', 'f'.repeat(255))).to.be.finite;
  });

  it('a rejected token is quoted at most 40 characters long; the error names file, line and line text', () => {
    expect(error('uint', 'x'.repeat(100))).to.equal(`x is not an unsigned integer ("${'x'.repeat(40)}…")`);
    expect(() => src.uint('x', 0, 'MemTotal')).to.throw(ParseError, 'f:1: MemTotal is not an unsigned integer ("x"): "the line"');
  });

  it('the plain conversions: undefined for a token that breaks the rule or a value that is not finite', () => {
    expect([integerOf('-7'), integerOf('+5'), integerOf('007'), integerOf(huge)]).to.deep.equal([-7, undefined, undefined, undefined]);
    expect([
      unsignedOf('7'),
      unsignedOf('-7'),
      digitsOf('007'),
      floatOf('1e5'),
      floatOf('0.5'),
      hexOf('ff'),
      hexOf('f'.repeat(256)),
    ]).to.deep.equal([7, undefined, 7, undefined, 0.5, 255, undefined]);
    expect([isDecimal('-7'), isDecimal('+5'), isDecimal('007'), isDecimal('0')]).to.deep.equal([true, false, false, true]);
  });
});
