/**
 * Smoke test of the benchmark suite (bench/run.ts): a --quick run with tiny
 * sizes completes and writes its results file. No timing is asserted: figures
 * on a shared machine are not test material (npm run bench measures them).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expect } from 'chai';
import { projectRoot } from './support/fixtures';

describe('bench (smoke)', function () {
  this.timeout(180_000);

  it('runs every section with --quick and writes the results file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-bench-test-'));
    const out = path.join(dir, 'results.json');
    try {
      const entry = __filename.endsWith('.ts')
        ? ['--require', 'tsx/cjs', path.join(projectRoot, 'bench', 'run.ts')]
        : [path.join(projectRoot, 'dist', 'bench', 'run.js')];
      const result = spawnSync(
        process.execPath,
        ['--expose-gc', ...entry, '--quick', '--no-node-exporter', '--scrapes', '50', '--out', out],
        {
          cwd: projectRoot,
          encoding: 'utf8',
          timeout: 170_000,
        },
      );
      expect(result.status, `${result.stdout}\n${result.stderr}`).to.equal(0);
      const results = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        rows: { section: string; metric: string }[];
        machine: { nproc: number };
      };
      expect(results.machine.nproc).to.be.greaterThan(0);
      const sections = new Set(results.rows.map((r) => r.section));
      for (const s of ['parse', 'cycle', 'collectors', 'scaling', 'serving', 'memory', 'walk', 'steady']) expect(sections, s).to.include(s);
      expect(result.stdout).to.include('target');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
