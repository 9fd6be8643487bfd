import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseSchedstat } from '../../src/parsers/schedstat';
import { fixture } from '../support/fixtures';

describe('schedstat', () => {
  it('parses version 15 (Linux 3.2): idle types ordered idle, busy, newly_idle', () => {
    const records = parseSchedstat(fixture('linux-3.2/proc/schedstat'));
    expect(records).to.have.length(8);
    const cpu0 = records[0];
    expect(cpu0).to.deep.include({
      version: 15,
      timestamp: 5117428624,
      cpu: 0,
      yld_count: 368,
      array_exp: 0,
      sched_count: 849017334,
      sched_goidle: 391899617,
      ttwu_count: 389675202,
      ttwu_local: 208342037,
      rq_cpu_time: 57745968832331,
      run_delay: 2961961398290,
      pcount: 456932143,
    });
    expect(cpu0.domains).to.have.length(2);
    const d0 = cpu0.domains[0];
    expect(d0).to.include({ domain: 0, cpumask: '00000000,00000000,00000000,00000000,00000000,00000000,00000000,00000011' });
    expect(d0).to.not.have.property('name');
    expect(d0.lb!.idle).to.deep.equal({
      lb_count: 27969210,
      lb_balanced: 27736489,
      lb_failed: 226852,
      lb_imbalance: 210596639,
      lb_gained: 21213,
      lb_hot_gained: 17009,
      lb_nobusyq: 235,
      lb_nobusyg: 27736253,
    });
    expect(d0.lb!.busy).to.include({ lb_count: 2494788, lb_nobusyg: 2489807 });
    expect(d0.lb!.newly_idle).to.include({ lb_count: 252861707, lb_nobusyg: 252406436 });
    expect(d0).to.include({
      alb_count: 15195,
      alb_failed: 30,
      alb_pushed: 15165,
      sbf_pushed: 0,
      ttwu_wake_remote: 5835969,
      ttwu_move_affine: 77810,
      ttwu_move_balance: 0,
    });
    const cpu7 = records[7];
    expect(cpu7).to.include({ cpu: 7, yld_count: 3293, pcount: 65146764 });
    expect(cpu7.domains[1]).to.include({
      domain: 1,
      alb_count: 103,
      alb_failed: 3,
      alb_pushed: 100,
      ttwu_wake_remote: 28058364,
      ttwu_move_affine: 627966,
    });
    expect(cpu7.domains[1].lb!.busy).to.deep.equal({
      lb_count: 678879,
      lb_balanced: 678879,
      lb_failed: 0,
      lb_imbalance: 0,
      lb_gained: 0,
      lb_hot_gained: 0,
      lb_nobusyq: 0,
      lb_nobusyg: 0,
    });
  });

  it('parses version 17 (synthetic): domain names, split imbalance, busy first', () => {
    const records = parseSchedstat(fixture('synthetic/proc/schedstat'));
    expect(records).to.have.length(4);
    expect(records[0]).to.deep.include({
      version: 17,
      timestamp: 4295215862,
      cpu: 0,
      yld_count: 33,
      array_exp: 0,
      sched_count: 534286,
      sched_goidle: 209081,
      ttwu_count: 241692,
      ttwu_local: 95923,
      rq_cpu_time: 942563870527,
      run_delay: 2195188523,
      pcount: 64122,
    });
    const d0 = records[0].domains[0];
    expect(d0).to.include({
      domain: 0,
      name: 'SMT',
      cpumask: '3',
      alb_count: 0,
      ttwu_wake_remote: 6365,
      ttwu_move_affine: 519,
      ttwu_move_balance: 0,
    });
    expect(d0.lb!.busy).to.deep.equal({
      lb_count: 33624,
      lb_balanced: 32051,
      lb_failed: 1528,
      lb_imbalance_load: 3437,
      lb_imbalance_util: 1033,
      lb_imbalance_task: 128,
      lb_imbalance_misfit: 0,
      lb_gained: 325,
      lb_hot_gained: 0,
      lb_nobusyq: 40,
      lb_nobusyg: 433,
    });
    expect(d0.lb!.idle).to.include({ lb_count: 53637, lb_nobusyg: 286 });
    expect(d0.lb!.newly_idle).to.include({ lb_count: 28526, lb_nobusyg: 209 });
    const last = records[3];
    expect(last).to.include({ cpu: 3, yld_count: 48, pcount: 287400 });
    expect(last.domains[1]).to.include({ domain: 1, name: 'MC', cpumask: 'f', ttwu_wake_remote: 23233, ttwu_move_affine: 82 });
    expect(last.domains[1].lb!.newly_idle).to.include({ lb_count: 47779, lb_imbalance_load: 4761, lb_nobusyg: 384 });
  });

  it('keeps the counters of an unknown version unnamed', () => {
    const [cpu] = parseSchedstat('version 99\ntimestamp 1\ncpu0 1 0 2 3 4 5 6 7 8\ndomain0 XX 3 1 2 3\n');
    expect(cpu.domains).to.deep.equal([{ domain: 0, cpumask: 'XX', values: [3, 1, 2, 3] }]);
  });

  it('rejects text where a counter must be, with file and line', () => {
    expect(() => parseSchedstat('version 15\ntimestamp 1\ncpu0 1 0 2 3 x 5 6 7 8\n', '/tmp/schedstat')).to.throw(
      ParseError,
      /\/tmp\/schedstat:3: ttwu_count is not an integer \("x"\)/,
    );
  });

  it('rejects a truncated domain line and a domain before any cpu', () => {
    expect(() => parseSchedstat('version 15\ntimestamp 1\ncpu0 1 0 2 3 4 5 6 7 8\ndomain0 3 1 2 3\n')).to.throw(
      ParseError,
      /schedstat:4: expected 36 counters for version 15, found 3/,
    );
    expect(() => parseSchedstat('version 17\ntimestamp 1\ndomain0 MC 3 1\n')).to.throw(
      ParseError,
      /schedstat:3: domain line before any cpu line/,
    );
  });
});
