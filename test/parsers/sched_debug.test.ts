import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseFile } from '../../src/parse';
import { parseSchedDebug } from '../../src/parsers/formats/sched-debug';
import { fixture, fixturePath } from '../support/fixtures';

describe('sched_debug', () => {
  const sections = parseSchedDebug(fixture('synthetic/proc/sched_debug'));

  it('is chosen from the /proc path alone', () => {
    expect(parseFile(fixturePath('synthetic/proc/sched_debug')).handler).to.equal('sched_debug');
  });

  it('parses Linux 5.4: two CPUs, a task group, the older task table', () => {
    expect(sections.map((s) => `${s.section}${s.cpu ?? ''}${s.group ?? ''}`)).to.deep.equal([
      'version',
      'global',
      'sysctl_sched',
      'cpu0',
      'cfs_rq0/autogroup-12',
      'cfs_rq0/',
      'rt_rq0/',
      'dl_rq0',
      'tasks0',
      'cpu1',
      'cfs_rq1/',
      'rt_rq1/',
      'dl_rq1',
      'tasks1',
    ]);
    expect(sections[0]).to.deep.equal({ section: 'version', version: 'v0.11', kernel: '5.4.0-150-generic #167-Ubuntu' });
    expect(sections[2].values).to.deep.include({ sysctl_sched_latency: 12, sysctl_sched_tunable_scaling: '1 (logarithmic)' });
    expect(sections[3]).to.deep.include({ cpu: 0, mhz: 2394.454 });
    expect(sections[9].values).to.deep.include({ nr_uninterruptible: -4, 'curr->pid': 0 });
  });

  it('cuts the command name by position and keeps the columns the header does not name', () => {
    const tasks = sections[8].tasks!;
    expect(tasks).to.have.length(4);
    expect(tasks[0]).to.deep.equal({
      state: 'S',
      current: false,
      comm: 'systemd',
      pid: 1,
      values: { 'tree-key': 2103456.788, switches: 54321, prio: 120, 'wait-time': 0, 'sum-exec': 9123.456789, 'sum-sleep': 0 },
      extra: ['/autogroup-2'],
    });
    expect(tasks[2]).to.deep.include({ comm: 'Web Content', pid: 2377 });
    expect(tasks[3]).to.deep.include({ state: 'R', current: true, comm: 'bash', pid: 2411 });
    const last = sections[13].tasks!;
    expect(last[last.length - 1]).to.deep.include({ state: 'D', comm: 'jbd2/sda1-8', pid: 301, extra: ['/'] });
  });

  it('reads the task table of kernels before 4.14 (R for the current task, no state column)', () => {
    const text = [
      'Sched Debug Version: v0.10, 3.2.0-4-amd64 #1',
      'cpu#0, 2393.998 MHz',
      '  .nr_running                    : 1',
      '',
      'runnable tasks:',
      '            task   PID         tree-key  switches  prio     exec-runtime         sum-exec        sum-sleep',
      '----------------------------------------------------------------------------------------------------------',
      `R${'bash'.padStart(15)}  4711     12345.678901       100   120     12345.678901       123.456789         0.000000 /`,
      ` ${'kworker/0:1'.padStart(15)}    18     12300.000001      5000   120     12300.000001        42.000000         0.000000 /`,
    ].join('\n');
    const tasks = parseSchedDebug(text)[3].tasks!;
    expect(tasks.map((t) => [t.comm, t.current, t.state])).to.deep.equal([
      ['bash', true, undefined],
      ['kworker/0:1', false, undefined],
    ]);
    expect(tasks[1].values).to.deep.include({ switches: 5000, 'sum-exec': 42 });
    expect(tasks[1].extra).to.deep.equal(['/']);
  });

  it('rejects a value line outside a section and a file that is not the dump', () => {
    const text = fixture('synthetic/proc/sched_debug').replace('sysctl_sched\n', '');
    expect(() => parseSchedDebug(text, '/tmp/sched_debug')).to.throw(
      ParseError,
      '/tmp/sched_debug:8: a "name : value" line outside a section: "  .sysctl_sched_latency                    : 12.000000"',
    );
    expect(() => parseSchedDebug('cpu#0\n')).to.throw(ParseError, 'sched_debug:1: expected "Sched Debug Version: vX.Y, RELEASE VERSION"');
  });
});
