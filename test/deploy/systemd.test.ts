/**
 * deploy/systemd/proc-exporter.service: `systemd-analyze verify` in a temporary root laid out as an
 * installed machine (its programs present where ExecStart/ExecReload say, the distribution's
 * units), the hardening settings one by one, systemd's own exposure score for them, and the
 * ExecStart command line run against the fixture procfs with the unit's environment.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixturesRoot, projectRoot } from '../support/fixtures';
import { requireTool } from '../support/tools';

const unitPath = path.join(projectRoot, 'deploy', 'systemd', 'proc-exporter.service');
const INSTALL_DIR = '/opt/proc-exporter';
const CONFIG = '/etc/proc-exporter/config.yaml';

type Unit = Record<string, Record<string, string[]>>;

/** The unit file as systemd reads it: sections, keys in order, a key given twice keeps both values. */
function parseUnit(text: string): Unit {
  const unit: Unit = {};
  let section: Record<string, string[]> | undefined;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = unit[header[1]] = {};
      continue;
    }
    const m = /^(\w+)=(.*)$/.exec(line);
    if (!m || !section) throw new Error(`${unitPath}:${i + 1}: cannot read ${JSON.stringify(raw)}`);
    (section[m[1]] ??= []).push(m[2]);
  }
  return unit;
}

/** Environment= assignments ("A=1" B=2, quotes removed) as an object. */
function environment(values: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const value of values) {
    for (const m of value.matchAll(/"([^"]*)"|(\S+)/g)) {
      const word = m[1] ?? m[2];
      const eq = word.indexOf('=');
      env[word.slice(0, eq)] = word.slice(eq + 1);
    }
  }
  return env;
}

describe('deploy: systemd unit (deploy/systemd/proc-exporter.service)', function () {
  this.timeout(60_000);
  const text = fs.readFileSync(unitPath, 'utf8');
  const unit = parseUnit(text);
  const service = unit.Service;
  let systemdAnalyze: string;
  let root: string;

  /** A root holding the distribution's units, the programs the unit runs, and `unitText` as the unit. */
  function makeRoot(unitText: string, withPrograms = true): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-systemd-'));
    // verify loads the default dependencies (sysinit.target, …) from the root.
    fs.cpSync('/usr/lib/systemd/system', path.join(dir, 'usr/lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
    if (withPrograms) {
      for (const key of ['ExecStart', 'ExecReload']) {
        const program = service[key][0].split(/\s+/)[0];
        // Ours as the package installs it (bin/proc-exporter is bin/proc-exporter.js); the others the host's.
        const source = program.startsWith(`${INSTALL_DIR}/`) ? path.join(projectRoot, 'bin', 'proc-exporter.js') : fs.realpathSync(program);
        fs.mkdirSync(path.join(dir, path.dirname(program)), { recursive: true });
        fs.copyFileSync(source, path.join(dir, program));
        fs.chmodSync(path.join(dir, program), 0o755);
      }
    }
    fs.mkdirSync(path.join(dir, 'etc/systemd/system'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'etc/systemd/system/proc-exporter.service'), unitText);
    return dir;
  }

  function verify(dir: string) {
    const r = spawnSync(systemdAnalyze, ['verify', `--root=${dir}`, 'proc-exporter.service'], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr.trim() };
  }

  before(function () {
    systemdAnalyze = requireTool(this, 'systemd-analyze');
    root = makeRoot(text);
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('passes systemd-analyze verify without a warning', () => {
    expect(verify(root)).to.deep.equal({ status: 0, stderr: '' });
  });

  it('verify would catch a misspelled key, a bad value and a missing program', () => {
    const broken = makeRoot(text.replace('ProtectSystem=strict', 'ProtectSytem=strict').replace('ProcSubset=all', 'ProcSubset=most'));
    const noPrograms = makeRoot(text, false);
    try {
      const r = verify(broken);
      expect(r.stderr).to.match(/proc-exporter\.service:\d+: Unknown key 'ProtectSytem' in section \[Service\], ignoring\./);
      expect(r.stderr).to.match(/proc-exporter\.service:\d+: Failed to parse \/proc\/ subset mode, ignoring: most/);
      const missing = verify(noPrograms);
      expect(missing.status).to.not.equal(0);
      expect(missing.stderr).to.include(`Command ${INSTALL_DIR}/bin/proc-exporter is not executable`);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
      fs.rmSync(noPrograms, { recursive: true, force: true });
    }
  });

  it('runs the installed package with the config under /etc, reloads on SIGHUP, restarts on failure', () => {
    expect(service.ExecStart).to.deep.equal([`${INSTALL_DIR}/bin/proc-exporter --config=${CONFIG}`]);
    expect(service.ExecReload).to.deep.equal(['/bin/kill -HUP $MAINPID']);
    expect(service).to.deep.include({ Type: ['simple'], Restart: ['on-failure'], RestartSec: ['5s'] });
    expect(environment(service.Environment)).to.deep.equal({
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-semi-space-size=1 --max-old-space-size=256',
    });
    expect(unit.Install).to.deep.equal({ WantedBy: ['multi-user.target'] });
  });

  it('has the hardening settings, and keeps /proc, /sys and the host network visible', () => {
    const hardening = {
      DynamicUser: 'yes',
      NoNewPrivileges: 'yes',
      CapabilityBoundingSet: '',
      AmbientCapabilities: '',
      ProtectSystem: 'strict',
      ProtectHome: 'read-only',
      PrivateTmp: 'yes',
      PrivateDevices: 'yes',
      PrivateIPC: 'yes',
      PrivateMounts: 'yes',
      ProtectKernelTunables: 'yes',
      ProtectKernelModules: 'yes',
      ProtectKernelLogs: 'yes',
      ProtectControlGroups: 'yes',
      ProtectHostname: 'yes',
      ProtectProc: 'default',
      ProcSubset: 'all',
      RestrictAddressFamilies: 'AF_UNIX AF_INET AF_INET6',
      RestrictNamespaces: 'yes',
      RestrictRealtime: 'yes',
      RestrictSUIDSGID: 'yes',
      LockPersonality: 'yes',
      RemoveIPC: 'yes',
      UMask: '0077',
      SystemCallArchitectures: 'native',
      SystemCallFilter: '@system-service adjtimex',
      SystemCallErrorNumber: 'EPERM',
    };
    for (const [key, value] of Object.entries(hardening)) expect(service[key], key).to.deep.equal([value]);
    // Each of these would hide what the collectors read or forbid what node needs; the unit says why.
    const leftOut = ['PrivateNetwork', 'ProtectClock', 'MemoryDenyWriteExecute', 'PrivateUsers', 'User', 'InaccessiblePaths'];
    for (const key of leftOut) {
      expect(service, key).to.not.have.property(key);
    }
    const reasons = ['ProtectProc=invisible', 'ProcSubset=pid', 'No PrivateNetwork', 'ProtectClock is not set', 'MemoryDenyWriteExecute'];
    for (const why of reasons) {
      expect(text, why).to.include(why);
    }
  });

  it('systemd-analyze security rates it OK or better (exposure below 3.0 of 10)', () => {
    const r = spawnSync(systemdAnalyze, ['security', '--offline=yes', `--root=${root}`, 'proc-exporter.service'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const m = /Overall exposure level for proc-exporter\.service: (\d+\.\d) (\w+)/.exec(r.stdout);
    expect(m, r.stdout.slice(-300)).to.not.equal(null);
    expect(Number(m![1])).to.be.below(3);
    expect(['SAFE', 'OK']).to.include(m![2]);
  });

  it("ExecStart's command line, with the unit's environment, runs the exporter (--once on the fixture procfs)", () => {
    const [program, ...args] = service.ExecStart[0].split(/\s+/);
    const local = path.join(root, program);
    // The copy in the root is bin/proc-exporter.js, which requires ../dist: run the repository's instead.
    expect(fs.readFileSync(local, 'utf8')).to.equal(fs.readFileSync(path.join(projectRoot, 'bin', 'proc-exporter.js'), 'utf8'));
    const mapped = args.map((a) => a.replace(`--config=${CONFIG}`, `--config=${path.join(projectRoot, 'config.yaml')}`));
    const procfs = `--path.procfs=${path.join(fixturesRoot, 'proc')}`;
    const argv = [path.join(projectRoot, 'bin', 'proc-exporter.js'), ...mapped, procfs, '--once'];
    const r = spawnSync(process.execPath, argv, {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...environment(service.Environment) },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 45_000,
    });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^node_scrape_collector_success\{collector="diskstats"\} 1$/m);
  });

  it("README's install section uses the unit's paths", () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### systemd'), readme.indexOf('\n### ', readme.indexOf('### systemd') + 1));
    expect(section).to.include(`npm install --global --prefix ${INSTALL_DIR} --omit=dev --ignore-scripts`);
    expect(section).to.include('deploy/systemd/proc-exporter.service /etc/systemd/system/proc-exporter.service');
    expect(section).to.include(`${INSTALL_DIR}/lib/node_modules/proc-exporter/config.yaml ${CONFIG}`);
    expect(section).to.include('systemctl enable --now proc-exporter');
  });
});
