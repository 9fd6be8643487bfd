/**
 * The rule for tests that need an outside program, run on a tiny suite in a child mocha whose PATH
 * holds only node and sh: locally the test is skipped and says what to install, in CI it fails.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from './fixtures';
import { inCI, missingMessage, TOOLS } from './tools';

interface MochaJson {
  stats: { passes: number; pending: number; failures: number };
  pending: { fullTitle: string }[];
  failures: { fullTitle: string; err: { message: string } }[];
}

describe('test support: tests that need an outside program', function () {
  this.timeout(60_000);
  let dir: string;
  let bin: string;
  let spec: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-tools-'));
    bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    fs.symlinkSync(spawnSync('sh', ['-c', 'command -v sh'], { encoding: 'utf8' }).stdout.trim(), path.join(bin, 'sh'));
    const tools = path.join(__dirname, path.basename(__filename).replace(/\.test\.(ts|js)$/, '.$1'));
    spec = path.join(dir, 'needs-promtool.spec.js');
    fs.writeFileSync(
      spec,
      `const { requireTool } = require(${JSON.stringify(tools)});\n` +
        "describe('a suite', function () {\n" +
        "  it('uses promtool', function () { requireTool(this, 'promtool'); });\n" +
        "  describe('a suite with a hook', function () {\n" +
        "    before(function () { requireTool(this, 'prometheus'); });\n" +
        "    it('first', function () {});\n" +
        "    it('second', function () {});\n" +
        '  });\n' +
        "  it('needs nothing', function () {});\n" +
        '});\n',
    );
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function run(ci: string | undefined): MochaJson {
    const env: NodeJS.ProcessEnv = { PATH: bin, HOME: os.tmpdir() };
    if (ci !== undefined) env.CI = ci;
    const tsx = __filename.endsWith('.ts') ? ['--require', 'tsx/cjs'] : [];
    const mocha = path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const argv = [mocha, '--no-config', ...tsx, '--reporter', 'json', spec];
    const r = spawnSync(process.execPath, argv, { cwd: projectRoot, env, encoding: 'utf8' });
    expect(r.stdout, r.stderr).to.match(/^\{/);
    return JSON.parse(r.stdout) as MochaJson;
  }

  it('locally: skipped, the title saying what to install; other tests run', () => {
    const result = run(undefined);
    expect(result.stats).to.include({ passes: 1, pending: 3, failures: 0 });
    expect(result.pending.map((t) => t.fullTitle)).to.deep.equal([
      'a suite uses promtool (skipped: promtool is not installed: apt-get install prometheus (.ci/run installs it))',
      'a suite a suite with a hook first (skipped: prometheus is not installed: apt-get install prometheus (.ci/run installs it))',
      'a suite a suite with a hook second (skipped: prometheus is not installed: apt-get install prometheus (.ci/run installs it))',
    ]);
    expect(run('false').stats).to.include({ passes: 1, pending: 3, failures: 0 });
  });

  it('in CI: fails with the same message', () => {
    const result = run('true');
    expect(result.stats).to.include({ passes: 1, pending: 0, failures: 2 });
    expect(result.failures.map((f) => f.err.message)).to.deep.equal([
      'promtool is not installed: apt-get install prometheus (.ci/run installs it)',
      'prometheus is not installed: apt-get install prometheus (.ci/run installs it)',
    ]);
  });

  it('inCI reads CI as CI systems set it', () => {
    const settings = [undefined, '', 'false', 'FALSE', 'true', '1'];
    expect(settings.map((CI) => inCI({ CI }))).to.deep.equal([false, false, false, false, true, true]);
  });

  it('every tool names its Debian package, and .ci/run installs each one that is not on the machine', () => {
    const ciRun = fs.readFileSync(path.join(projectRoot, '.ci', 'run'), 'utf8');
    for (const name of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
      const pkg = /^apt-get install (\S+)$/.exec(TOOLS[name].install)?.[1];
      expect(pkg, name).to.be.a('string');
      expect(ciRun, `.ci/run installs ${pkg} (for ${name})`).to.include(`need_apt+=(${pkg})`);
      expect(missingMessage(name)).to.equal(`${name} is not installed: apt-get install ${pkg} (.ci/run installs it)`);
    }
  });
});
