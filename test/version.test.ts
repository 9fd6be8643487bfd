/** src/version.ts: node_exporter's --version layout, and where the branch, revision and date come from. */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILD_INFO_FILE, buildDate, buildInfoAt, currentBuild, gitState, versionText } from '../src/version';
import { runExporter } from './exporter/helpers';
import { projectRoot } from './support/fixtures';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** The revision the checkout under test is at, asked of git here, or unknown when the project is not a checkout's top level. */
function projectRevision(): string {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: projectRoot, encoding: 'utf8' });
  if (top.status !== 0 || path.resolve(top.stdout.trim()) !== path.resolve(projectRoot)) return 'unknown';
  return git(projectRoot, 'rev-parse', 'HEAD');
}

describe('version', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-version-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'proc-exporter', version: '9.8.7' }));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints node_exporter's layout, Node's version and platform where Go's are", () => {
    const revision = '0123456789abcdef0123456789abcdef01234567';
    const info = { version: '1.2.3', branch: 'main', revision, user: 'ci@builder', date: '20230409-10:11:09' };
    expect(versionText('proc-exporter', info).split('\n')).to.deep.equal([
      'proc-exporter, version 1.2.3 (branch: main, revision: 0123456789abcdef0123456789abcdef01234567)',
      '  build user:       ci@builder',
      '  build date:       20230409-10:11:09',
      `  node version:     ${process.version}`,
      `  platform:         ${process.platform}/${process.arch}`,
    ]);
  });

  it("writes dates in promu's layout, UTC", () => {
    expect(buildDate(new Date(Date.UTC(2023, 3, 9, 10, 11, 9, 999)))).to.equal('20230409-10:11:09');
    expect(buildDate(new Date(Date.UTC(1999, 11, 31, 23, 59, 59)))).to.equal('19991231-23:59:59');
  });

  it('outside any git checkout: version from package.json, everything else unknown', () => {
    expect(gitState(dir)).to.equal(undefined);
    expect(buildInfoAt(dir)).to.deep.equal({ version: '9.8.7', branch: 'unknown', revision: 'unknown', user: 'unknown', date: 'unknown' });
  });

  it("a checkout's top level: branch and revision from git; a package inside another repository does not take its revision", () => {
    git(dir, 'init', '-q', '-b', 'release-9');
    git(dir, 'add', 'package.json');
    git(dir, 'commit', '-q', '-m', 'first');
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(head).to.match(/^[0-9a-f]{40}$/);
    expect(gitState(dir)).to.deep.equal({ branch: 'release-9', revision: head });
    const nested = path.join(dir, 'node_modules', 'proc-exporter');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(nested, 'package.json'), JSON.stringify({ name: 'proc-exporter', version: '1.0.0' }));
    expect(gitState(nested)).to.equal(undefined);
    expect(buildInfoAt(nested).revision).to.equal('unknown');
    // A compiled module's modification time is the build date of a checkout.
    const compiled = path.join(dir, 'version.js');
    fs.writeFileSync(compiled, '');
    fs.utimesSync(compiled, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
    expect(buildInfoAt(dir, compiled)).to.deep.equal({
      version: '9.8.7',
      branch: 'release-9',
      revision: head,
      user: 'unknown',
      date: '20240102-03:04:05',
    });
    expect(currentBuild(dir, new Date(Date.UTC(2025, 5, 1, 10, 0, 0)))).to.deep.equal({
      branch: 'release-9',
      revision: head,
      user: `${os.userInfo().username}@${os.hostname()}`,
      date: '20250601-10:00:00',
    });
  });

  it('a saved dist/build-info.json wins over git; a field it lacks is unknown; a damaged one is not used', () => {
    fs.mkdirSync(path.join(dir, 'dist'));
    const file = path.join(dir, BUILD_INFO_FILE);
    fs.writeFileSync(file, JSON.stringify({ branch: 'main', revision: 'abc123', date: '20250601-10:00:00' }));
    expect(buildInfoAt(dir)).to.deep.equal({
      version: '9.8.7',
      branch: 'main',
      revision: 'abc123',
      user: 'unknown',
      date: '20250601-10:00:00',
    });
    for (const damaged of ['{"branch": "main"', 'null', '[]']) {
      fs.writeFileSync(file, damaged);
      expect(buildInfoAt(dir).revision, damaged).to.equal('unknown');
    }
  });

  it('proc-exporter --version prints it and exits 0, with the revision this checkout is at', () => {
    const result = runExporter(['--version']);
    expect(result.status).to.equal(0);
    const lines = result.stdout.trimEnd().split('\n');
    const version = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(lines[0].replace(/\(branch: \S+, /, '(branch: B, ')).to.equal(
      `proc-exporter, version ${version} (branch: B, revision: ${projectRevision()})`,
    );
    const labels = lines.slice(1).map((l) => l.replace(/:\s+.*$/, ':'));
    expect(labels).to.deep.equal(['  build user:', '  build date:', '  node version:', '  platform:']);
    expect(lines[3]).to.equal(`  node version:     ${process.version}`);
    expect(result.stderr).to.equal('');
  });
});
