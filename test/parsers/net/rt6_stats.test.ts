import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseRt6Stats } from '../../../src/parsers/net/rt6_stats';
import { fixture } from '../../support/fixtures';

describe('net/rt6_stats', () => {
  it('parses Linux 6.x, hex values as numbers', () => {
    expect(parseRt6Stats(fixture('proc/net/rt6_stats'))).to.deep.equal([
      { fib_nodes: 9, fib_route_nodes: 6, fib_rt_alloc: 10, fib_rt_entries: 7, fib_rt_cache: 0, dst_entries: 0, fib_discarded_routes: 0 },
    ]);
  });

  it('parses Linux 3.2', () => {
    expect(parseRt6Stats(fixture('linux-3.2/proc/net/rt6_stats'))).to.deep.equal([
      { fib_nodes: 0, fib_route_nodes: 4, fib_rt_alloc: 1, fib_rt_entries: 5, fib_rt_cache: 6, dst_entries: 2, fib_discarded_routes: 874 },
    ]);
  });

  it('rejects a value that is not hex', () => {
    expect(() => parseRt6Stats('0009 0006 zz0a 0007 0000 0000 0000\n')).to.throw(
      ParseError,
      /net\/rt6_stats:1: fib_rt_alloc is not hexadecimal/,
    );
  });

  it('rejects a truncated line', () => {
    expect(() => parseRt6Stats('0009 0006 000a\n')).to.throw(ParseError, /net\/rt6_stats:1: expected at least 7 columns/);
  });
});
