/**
 * Golden files: for every collector, the real command (`--once`) on a fixture
 * procfs tree, compared with test/collectors/<name>.prom (Linux 6.18 capture)
 * and <name>.linux-3.2.prom (Linux 3.2 capture). UPDATE_GOLDEN=1 rewrites them;
 * review the diff by eye against node_exporter's output.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { collectors } from '../../collectors/index';
import { projectRoot } from '../support/fixtures';
import { normalizeDurations, runExporter, TREE_3_2, TREE_6_18 } from '../exporter/helpers';
import { absentCollectors } from './absent';

const GOLDEN_DIR = path.join(projectRoot, 'test', 'collectors');
const TREES = [
  { suffix: '', label: 'Linux 6.18', root: TREE_6_18 },
  { suffix: '.linux-3.2', label: 'Linux 3.2', root: TREE_3_2 },
];

describe('collector golden files (--once on fixture trees)', () => {
  for (const name of Object.keys(collectors)) {
    for (const tree of TREES) {
      const golden = path.join(GOLDEN_DIR, `${name}${tree.suffix}.prom`);
      it(`${name} on ${tree.label} matches ${path.relative(projectRoot, golden)}`, () => {
        const result = runExporter(['--once', '--config', '/dev/null', '--path.procfs', tree.root, '--collector.disable-defaults', `--collector.${name}`]);
        expect(result.stderr, 'stderr').to.equal('');
        expect(result.status, 'exit status').to.equal(0);
        const actual = normalizeDurations(result.stdout);
        // A run fails only for a missing file (the tree's absent collectors), and then reports 0.
        const success = name in absentCollectors(tree.root) ? 0 : 1;
        expect(actual).to.include(`node_scrape_collector_success{collector="${name}"} ${success}\n`);
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
        expect(fs.existsSync(golden), `${golden} (run with UPDATE_GOLDEN=1 to create it)`).to.equal(true);
        expect(actual).to.equal(fs.readFileSync(golden, 'utf8'));
      });
    }
  }

  for (const tree of TREES) {
    it(`the collectors absent on ${tree.label} each name a file the tree lacks`, () => {
      const absent = Object.entries(absentCollectors(tree.root));
      for (const [name, reason] of absent) {
        const file = /^(\S+): no such file \(not on this kernel\?\)$/.exec(reason)?.[1];
        expect(file, `${name}: ${reason}`).to.be.a('string');
        expect(file!.startsWith(`${tree.root}/`), `${name}: ${file} is under the tree`).to.equal(true);
        expect(fs.existsSync(file!), `${name}: ${file} exists`).to.equal(false);
      }
    });
  }

  it('has a golden file for every collector in collectors/index.ts, and none for a collector that is not there', () => {
    const expected = Object.keys(collectors).flatMap((n) => TREES.map((t) => `${n}${t.suffix}.prom`)).sort();
    const present = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.prom')).sort();
    expect(present).to.deep.equal(expected);
  });
});
