/**
 * Golden files: for every collector, the real command (`--once`) on a fixture
 * procfs tree, compared with test/collectors/<name>.prom (Linux 6.18 capture,
 * with the /sys and root filesystem captured on the same machine) and
 * <name>.linux-3.2.prom (Linux 3.2 capture, which has no /sys or root
 * filesystem: empty ones). UPDATE_GOLDEN=1 rewrites them; review the diff by
 * eye against node_exporter's output. The few values that are live by nature
 * (the clock, adjtimex, statfs of the fixture's own directory) are replaced by
 * <live>: their names, labels, help and types are still compared, and their
 * values are tested with fixed inputs in the collectors' own tests.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectors } from '../../collectors/index';
import { projectRoot } from '../support/fixtures';
import { normalizeDurations, ROOTFS, runExporter, SYSFS, TREE_3_2, TREE_6_18 } from '../exporter/helpers';
import { absentCollectors } from './absent';

const GOLDEN_DIR = path.join(projectRoot, 'test', 'collectors');
const EMPTY = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-empty-'));
const TREES = [
  { suffix: '', label: 'Linux 6.18', root: TREE_6_18, sysfs: SYSFS, rootfs: ROOTFS },
  { suffix: '.linux-3.2', label: 'Linux 3.2', root: TREE_3_2, sysfs: EMPTY, rootfs: EMPTY },
];

/**
 * Series whose values are live: node_time_seconds (the clock), every node_timex_* (this kernel's
 * adjtimex), and the statfs counts of a mount point statfs'd in the fixture rootfs itself (the
 * checkout's filesystem).
 */
const LIVE =
  /^(node_time_seconds|node_timex_\w+|node_filesystem_(size_bytes|free_bytes|avail_bytes|files|files_free)\{[^}]*mountpoint="\/"[^}]*\}) \S+$/gm;

export function normalizeLive(text: string): string {
  return text.replace(LIVE, '$1 <live>');
}

describe('collector golden files (--once on fixture trees)', () => {
  after(() => fs.rmSync(EMPTY, { recursive: true, force: true }));

  for (const name of Object.keys(collectors)) {
    for (const tree of TREES) {
      const golden = path.join(GOLDEN_DIR, `${name}${tree.suffix}.prom`);
      it(`${name} on ${tree.label} matches ${path.relative(projectRoot, golden)}`, () => {
        const result = runExporter(
          [
            '--once',
            '--config',
            '/dev/null',
            '--path.procfs',
            tree.root,
            '--path.sysfs',
            tree.sysfs,
            '--path.rootfs',
            tree.rootfs,
            '--collector.disable-defaults',
            `--collector.${name}`,
          ],
          { TZ: 'UTC' },
        );
        expect(result.stderr, 'stderr').to.equal('');
        expect(result.status, 'exit status').to.equal(0);
        const actual = normalizeLive(normalizeDurations(result.stdout));
        // A run fails only for a missing file (the tree's absent collectors), and then reports 0.
        const success = name in absentCollectors(tree.root, tree) ? 0 : 1;
        expect(actual).to.include(`node_scrape_collector_success{collector="${name}"} ${success}\n`);
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
        expect(fs.existsSync(golden), `${golden} (run with UPDATE_GOLDEN=1 to create it)`).to.equal(true);
        expect(actual).to.equal(fs.readFileSync(golden, 'utf8'));
      });
    }
  }

  for (const tree of TREES) {
    it(`the collectors absent on ${tree.label} each name a file the tree lacks`, () => {
      const absent = Object.entries(absentCollectors(tree.root, tree));
      for (const [name, reason] of absent) {
        const file = /^(\S+): no such file \(not on this kernel\?\)$/.exec(reason)?.[1];
        expect(file, `${name}: ${reason}`).to.be.a('string');
        const under = [tree.root, tree.sysfs, tree.rootfs].some((dir) => file!.startsWith(`${dir}/`));
        expect(under, `${name}: ${file} is under the tree`).to.equal(true);
        expect(fs.existsSync(file!), `${name}: ${file} exists`).to.equal(false);
      }
    });
  }

  it('has a golden file for every collector in collectors/index.ts, and none for a collector that is not there', () => {
    const expected = Object.keys(collectors)
      .flatMap((n) => TREES.map((t) => `${n}${t.suffix}.prom`))
      .sort();
    const present = fs
      .readdirSync(GOLDEN_DIR)
      .filter((f) => f.endsWith('.prom'))
      .sort();
    expect(present).to.deep.equal(expected);
  });
});
