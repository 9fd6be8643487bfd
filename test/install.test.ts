/**
 * The README's "Installing the commands", done: `npm pack` makes a tarball
 * that `npm install -g --offline` installs into a fresh prefix from npm's
 * cache alone (no registry), and so does `npm install -g .` from the
 * checkout; the installed commands run from anywhere and `--version` names
 * the revision the tarball was packed at.
 */
import { expect } from 'chai';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixturePath, projectRoot } from './support/fixtures';
import { BUILD_INFO_FILE, gitState } from '../src/version';

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 300_000,
  });
}

describe('installing the commands without a registry', function () {
  this.timeout(600_000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-install-'));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Skips (outside CI) when npm's cache lacks the dependencies: --offline then cannot work here. */
  function skipIfNotCached(result: SpawnSyncReturns<string>, context: Mocha.Context): void {
    if (result.status !== 0 && /ENOTCACHED/.test(result.stderr) && process.env.CI !== 'true') {
      console.log(`      skipped: npm's cache lacks a dependency (run npm ci once): ${result.stderr.split('\n')[0]}`);
      context.skip();
    }
  }

  it('npm pack, then npm install -g --offline of the tarball: the commands run and name the revision', function () {
    const buildInfo = path.join(projectRoot, BUILD_INFO_FILE);
    // What prepack does (scripts/build-info.ts), without rebuilding dist/ (prepare) here.
    const script = path.join(projectRoot, 'scripts', 'build-info.ts');
    const written = spawnSync(process.execPath, ['--require', 'tsx/cjs', script], { cwd: projectRoot, encoding: 'utf8' });
    expect(written.status, written.stderr).to.equal(0);
    let packed: SpawnSyncReturns<string>;
    try {
      packed = npm(['pack', '--ignore-scripts', '--pack-destination', tmp], projectRoot);
    } finally {
      fs.rmSync(buildInfo, { force: true });
    }
    expect(packed.status, packed.stderr).to.equal(0);
    const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop()!);
    expect(fs.existsSync(tarball), tarball).to.equal(true);
    const prefix = path.join(tmp, 'global');
    const installed = npm(['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, tarball], tmp);
    skipIfNotCached(installed, this);
    expect(installed.status, installed.stderr).to.equal(0);
    const version = spawnSync(path.join(prefix, 'bin', 'proc2json'), ['--version'], { cwd: tmp, encoding: 'utf8' });
    expect(version.status, version.stderr).to.equal(0);
    const revision = gitState(projectRoot)?.revision ?? 'unknown';
    expect(version.stdout).to.match(
      new RegExp(
        `^proc2json, version \\d+\\.\\d+\\.\\d+ \\(branch: [^,]+, revision: ${revision}\\)\n  build user: .*\n  build date: +\\d{8}-`,
      ),
    );
    const csv = spawnSync(path.join(prefix, 'bin', 'proc2csv'), [fixturePath('proc/loadavg')], { cwd: tmp, encoding: 'utf8' });
    expect(csv.stdout).to.equal('load1|load5|load15|nr_running|nr_threads|last_pid\n0|0|0|1|77|2457\n');
    // The tarball carries what the commands and the exporter need, not the tests or the fixtures.
    const files = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    const needed = ['package/bin/proc2json.js', 'package/dist/src/cli/proc2json.js', 'package/dist/build-info.json', 'package/config.yaml'];
    expect(files).to.include.members(needed);
    expect(files.filter((f) => f.startsWith('package/fixtures/') || f.startsWith('package/dist/test/'))).to.deep.equal([]);
  });

  it('npm install -g --offline . from the checkout links the commands', function () {
    const prefix = path.join(tmp, 'linked');
    const installed = npm(['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, '.'], projectRoot);
    skipIfNotCached(installed, this);
    expect(installed.status, installed.stderr).to.equal(0);
    expect(fs.realpathSync(path.join(prefix, 'lib', 'node_modules', 'proc-exporter'))).to.equal(fs.realpathSync(projectRoot));
    const fields = spawnSync(path.join(prefix, 'bin', 'show-proc-fields'), [fixturePath('proc/uptime')], { cwd: tmp, encoding: 'utf8' });
    expect(fields.stdout.split('\n').slice(1, 3)).to.deep.equal(['record 0:', '  uptime_seconds: 224.82']);
  });
});
