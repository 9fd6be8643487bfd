import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { debugfsSchedDebug } from '../../../src/parsers/sched/debug';
import { fixture, fixturePath } from '../../support/fixtures';

describe('sched/debug (debugfs)', () => {
  const sections = debugfsSchedDebug.parse(fixture('debugfs/sched/debug'), 'sched/debug');

  it('is chosen from the debugfs path alone', () => {
    expect(parseFile(fixturePath('debugfs/sched/debug')).handler).to.equal('sched/debug');
  });

  it('parses Linux 6.18: version, clocks, sysctls, two CPUs with their run queues and tasks', () => {
    expect(sections).to.have.length(19);
    expect(sections[0]).to.deep.equal({ section: 'version', version: 'v0.11', kernel: '6.18.44-fc-v669 #1' });
    expect(sections[1]).to.deep.equal({
      section: 'global',
      values: { ktime: 472418.28945, sched_clk: 472443.44559, cpu_clk: 472419.862069, jiffies: 4295010343, 'sched_clock_stable()': 1 },
    });
    expect(sections[2].values).to.deep.equal({
      sysctl_sched_base_slice: 1.4,
      sysctl_sched_features: 99674079,
      sysctl_sched_tunable_scaling: '1 (logarithmic)',
    });
    expect(sections[3]).to.deep.include({ section: 'cpu', cpu: 0, mhz: 2600 });
    expect(sections[3].values).to.deep.include({ nr_switches: 1611757, 'curr->pid': 0, avg_idle: 997502 });
    expect(sections[4]).to.deep.include({ section: 'cfs_rq', cpu: 0, group: '/autogroup-8' });
    expect(sections[4].values).to.deep.include({ load_avg: 274, 'removed.load_avg': 0, 'se->avg.runnable_avg': 262 });
    expect(sections[9]).to.deep.equal({
      section: 'dl_rq',
      cpu: 0,
      values: { dl_nr_running: 0, 'dl_bw->bw': 996147, 'dl_bw->total_bw': 104856 },
    });
    expect(sections.map((s) => s.section).filter((s) => s === 'tasks')).to.have.length(2);
    expect(sections[10].tasks).to.have.length(82);
    expect(sections[18].tasks).to.have.length(73);
  });

  it('reads a task table whose command names hold spaces, and marks the current task', () => {
    const first = sections[10].tasks![0];
    expect(first).to.deep.equal({
      state: 'S',
      current: false,
      comm: 'spawner',
      pid: 60,
      values: {
        vruntime: 299042.600879,
        eligible: 'E',
        deadline: 299042.727177,
        slice: 1.4,
        'sum-exec': 92.17513,
        switches: 317,
        prio: 110,
        'wait-time': 0,
        'sum-sleep': 0,
        'sum-block': 0,
        node: 0,
        'group-id': 0,
        'group-path': '/',
      },
    });
    const npm = sections[10].tasks!.find((t) => t.pid === 11328)!;
    expect(npm).to.deep.include({ comm: 'npm test', state: 'S' });
    expect(npm.values['group-path']).to.equal('/autogroup-8');
    const last = sections[18].tasks![72];
    expect(last).to.deep.include({ state: 'R', current: true, comm: 'cat', pid: 13701 });
    expect(last.values.switches).to.equal(0);
  });

  it("reads the custom-slice mark of Linux 6.12's task lines", () => {
    const table = [
      'Sched Debug Version: v0.11, 6.12.0 #1',
      'cpu#0',
      '',
      'runnable tasks:',
      ' S            task   PID       vruntime   eligible    deadline             slice      sum-exec  switches  prio  wait-time',
      '-'.repeat(120),
      ` S ${'rtkit'.padStart(15)}   812       100.000000   E         101.000000 S         0.500000      3.000000    10   120   0.000000`,
    ].join('\n');
    const task = debugfsSchedDebug.parse(table, 'sched/debug')[3].tasks![0];
    expect(task).to.deep.include({ comm: 'rtkit', pid: 812, custom_slice: true });
    expect(task.values).to.deep.equal({
      vruntime: 100,
      eligible: 'E',
      deadline: 101,
      slice: 0.5,
      'sum-exec': 3,
      switches: 10,
      prio: 120,
      'wait-time': 0,
    });
  });

  it('rejects a task line with a missing column, with the line', () => {
    const text = fixture('debugfs/sched/debug').replace('     92.175130       317     110', '     92.175130');
    expect(() => debugfsSchedDebug.parse(text, '/tmp/debug')).to.throw(
      ParseError,
      '/tmp/debug:155: missing group-id: " S         spawner    60    299042.600879   E      299042.727177           1.400000',
    );
  });
});
