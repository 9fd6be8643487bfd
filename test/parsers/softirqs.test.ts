import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseSoftirqs } from '../../src/parsers/softirqs';
import { fixture } from '../support/fixtures';

describe('softirqs', () => {
  it('keys counts by the header CPU names (Linux 6.x, 2 CPUs)', () => {
    const records = parseSoftirqs(fixture('proc/softirqs'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({ name: 'HI', cpus: { CPU0: 0, CPU1: 0 } });
    expect(records[1]).to.deep.equal({ name: 'TIMER', cpus: { CPU0: 2367, CPU1: 2522 } });
    expect(records[9]).to.deep.equal({ name: 'RCU', cpus: { CPU0: 4637, CPU1: 5931 } });
  });

  it('parses Linux 3.2 with 8 CPUs', () => {
    const records = parseSoftirqs(fixture('linux-3.2/proc/softirqs'));
    expect(records).to.have.length(10);
    expect(records[1].cpus).to.include({ CPU0: 38137734, CPU7: 45327958 });
    expect(records[9]).to.deep.include({ name: 'RCU' });
    expect(records[9].cpus.CPU7).to.equal(26738685);
    expect(Object.keys(records[9].cpus)).to.have.length(8);
  });

  it('rejects a row with fewer counts than CPUs', () => {
    expect(() => parseSoftirqs('  CPU0 CPU1\n HI: 1\n')).to.throw(ParseError, /softirqs:2: expected 2 per-CPU counts, found 1/);
  });

  it('rejects non-numeric counts', () => {
    expect(() => parseSoftirqs('  CPU0 CPU1\n HI: 1 zz\n')).to.throw(ParseError, /softirqs:2/);
  });
});
