import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { coredumpFilter } from '../../../src/parsers/pid/coredump_filter';
import { fixture } from '../../support/fixtures';

describe('pid/coredump_filter', () => {
  it('parses Linux 6.x', () => {
    expect(coredumpFilter.parse(fixture('proc/4242/coredump_filter'), 'pid/coredump_filter')).to.deep.equal([
      { coredump_filter: '00000033' },
    ]);
  });
  it('parses Linux 3.2', () => {
    expect(coredumpFilter.parse(fixture('linux-3.2/proc/self/coredump_filter'), 'pid/coredump_filter')).to.deep.equal([
      { coredump_filter: '00000023' },
    ]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(coredumpFilter.parse('', 'pid/coredump_filter')).to.deep.equal([]);
    expect(() => coredumpFilter.parse('0000003g\n', '/proc/1/coredump_filter')).to.throw(
      ParseError,
      /\/proc\/1\/coredump_filter:1: coredump_filter is not hexadecimal/,
    );
  });
});
