/**
 * The new collectors fail cleanly when their file is damaged: the real
 * command reports node_scrape_collector_success 0 for each, logs the parse
 * error naming the file and line, and a healthy collector of the same cycle
 * (loadavg) still succeeds with its series.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runExporter } from '../exporter/helpers';
import { fixture } from '../support/fixtures';

const damage = (file: string, from: string, to: string): string => fixture(file).replace(from, to);

/** Collector → the file damaged, its damaged text, the error its run must log. */
const DAMAGED: Record<string, [string, string, RegExp]> = {
  swap: ['swaps', 'Filename\tType\tSize\tUsed\tPriority\n/dev/sda3 partition 16M 208 -1\n', /swaps:2: Size is not an integer/],
  kernel_hung: ['sys/kernel/hung_task_detect_count', 'many\n', /hung_task_detect_count:1: value is not an integer/],
  drbd: ['drbd', damage('node_exporter/proc/drbd', 'dw:28263521', 'dw:2826352l'), /drbd:5: dw is not an integer/],
  ipvs: ['net/ip_vs_stats', damage('synthetic/proc/net/ip_vs_stats', 'E33656E5', 'E33656G5'), /ip_vs_stats:3: totals is not hexadecimal/],
  zfs: ['spl/kstat/zfs/arcstats', damage('node_exporter/proc/spl/kstat/zfs/arcstats', '8772612', '87726l2'), /arcstats:3: hits is not/],
  sysctl: ['sys/kernel/pid_max', '32768 lots\n', /pid_max:1: field 1 is not a valid int/],
};

describe('the new collectors on damaged files', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'damaged-proc-'));
    fs.writeFileSync(path.join(root, 'loadavg'), fixture('proc/loadavg'));
    fs.mkdirSync(path.join(root, 'net'));
    fs.writeFileSync(path.join(root, 'net/ip_vs'), fixture('node_exporter/proc/net/ip_vs'));
    for (const [file, text] of Object.values(DAMAGED)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('each reports success 0 with its parse error; loadavg in the same cycle succeeds', () => {
    const names = Object.keys(DAMAGED);
    const result = runExporter([
      '--once',
      '--config',
      '/dev/null',
      '--path.procfs',
      root,
      '--collector.disable-defaults',
      '--collector.loadavg',
      ...names.map((n) => `--collector.${n}`),
      '--collector.sysctl.include=kernel.pid_max',
    ]);
    expect(result.status, result.stderr).to.equal(0);
    for (const name of names) expect(result.stdout, name).to.include(`node_scrape_collector_success{collector="${name}"} 0\n`);
    expect(result.stdout).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
    expect(result.stdout).to.match(/^node_load1 \d/m);
    expect(result.stdout).to.not.match(/^node_(swap|kernel_hung|drbd|ipvs|zfs|sysctl)_/m);
    const failures = result.stderr.split('\n').filter((l) => l.includes('collector failed'));
    for (const [name, [, , error]] of Object.entries(DAMAGED)) {
      const line = failures.find((l) => new RegExp(`(^| )collector=${name}( |$)`).test(l));
      expect(line, `${name}'s failure in the log`).to.match(error);
    }
  });
});
