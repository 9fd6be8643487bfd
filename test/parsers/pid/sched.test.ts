import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSched } from '../../../src/parsers/pid/sched';
import { fixture } from '../../support/fixtures';

describe('pid/sched', () => {
  it('parses Linux 6.x with the NUMA lines', () => {
    const records = parseSched(fixture('proc/4242/sched'));
    expect(records).to.have.length(1);
    const r = records[0];
    expect(r).to.include({ comm: 'python3', pid: 7984, threads: 1 });
    expect(r.fields).to.include({
      'se.exec_start': 484230.260694,
      'se.sum_exec_runtime': 21.70166,
      nr_switches: 3,
      'se.load.weight': 1048576,
    });
    expect(r.fields).to.include({
      'mm->numa_scan_seq': 0,
      numa_preferred_nid: -1,
      total_numa_faults: 0,
      current_node: 0,
      numa_group_id: 0,
    });
    expect(Object.keys(r.fields)).to.have.length(26); // 24 "name : value" lines + current_node, numa_group_id
    expect(r.numa_faults).to.deep.equal([{ node: 0, task_private: 0, task_shared: 0, group_private: 0, group_shared: 0 }]);
  });
  it('parses Linux 3.2', () => {
    const [r] = parseSched(fixture('linux-3.2/proc/self/sched'));
    expect(r).to.include({ comm: 'cat', pid: 31750, threads: 119 });
    expect(r.fields).to.include({
      'se.exec_start': 2427571021.39145,
      'se.statistics.nr_failed_migrations_running': 1,
      prio: 120,
      'clock-delta': 116,
    });
    expect(Object.keys(r.fields)).to.have.length(39);
    expect(r).to.not.have.property('numa_faults');
  });
  it('keeps a command name with parentheses', () => {
    expect(parseSched('a (b) c (12, #threads: 2)\n---\n')[0]).to.include({ comm: 'a (b) c', pid: 12, threads: 2 });
  });
  it('rejects text where a value must be and a bad title', () => {
    expect(() => parseSched('cat (1, #threads: 1)\n---\nnr_switches : many\n', '/proc/1/sched')).to.throw(
      ParseError,
      /\/proc\/1\/sched:3: nr_switches is not a number/,
    );
    expect(() => parseSched('cat 1\n')).to.throw(ParseError, /pid\/sched:1: expected "comm \(pid, #threads: n\)"/);
  });
});
