import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSchedstat } from '../../../src/parsers/pid/schedstat';
import { fixture } from '../../support/fixtures';

describe('pid/schedstat', () => {
  it('parses Linux 6.x', () => {
    expect(parseSchedstat(fixture('proc/4242/schedstat'))).to.deep.equal([{ cpu_time_ns: 21701660, run_delay_ns: 42373, timeslices: 3 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseSchedstat(fixture('linux-3.2/proc/self/schedstat'))).to.deep.equal([
      { cpu_time_ns: 386479, run_delay_ns: 5391, timeslices: 2 },
    ]);
  });
  it('rejects a truncated line', () => {
    expect(() => parseSchedstat('386479 5391\n', '/proc/1/schedstat')).to.throw(
      ParseError,
      /\/proc\/1\/schedstat:1: expected at least 3 columns, found 2/,
    );
  });
});
