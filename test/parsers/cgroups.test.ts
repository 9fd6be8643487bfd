import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseCgroups } from '../../src/parsers/cgroups';
import { fixture } from '../support/fixtures';

describe('cgroups', () => {
  it('parses Linux 6.x', () => {
    const records = parseCgroups(fixture('proc/cgroups'));
    expect(records).to.have.length(12);
    expect(records[0]).to.deep.equal({ subsys_name: 'cpuset', hierarchy: 3, num_cgroups: 1, enabled: 1 });
    expect(records[4]).to.deep.equal({ subsys_name: 'memory', hierarchy: 4, num_cgroups: 16, enabled: 1 });
    expect(records[11]).to.deep.equal({ subsys_name: 'pids', hierarchy: 8, num_cgroups: 1, enabled: 1 });
  });

  it('parses Linux 3.2', () => {
    const records = parseCgroups(fixture('linux-3.2/proc/cgroups'));
    expect(records).to.have.length(8);
    expect(records[0]).to.deep.equal({ subsys_name: 'cpuset', hierarchy: 0, num_cgroups: 1, enabled: 1 });
    expect(records[7]).to.deep.equal({ subsys_name: 'perf_event', hierarchy: 0, num_cgroups: 1, enabled: 1 });
  });

  it('rejects a count that is not a number', () => {
    const text = '#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t1\tmany\t1\n';
    expect(() => parseCgroups(text, '/tmp/cgroups')).to.throw(ParseError, /\/tmp\/cgroups:2: num_cgroups is not an integer \("many"\)/);
  });

  it('rejects a truncated row', () => {
    expect(() => parseCgroups('#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t1\n')).to.throw(
      ParseError,
      /cgroups:2: expected 4 columns/,
    );
  });
});
