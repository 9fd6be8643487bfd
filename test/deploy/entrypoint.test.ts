import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixturesRoot, projectRoot } from '../support/fixtures';
import { execForm, lastOf, parseDockerfile } from './support';

const { stages } = parseDockerfile(fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8'));
const final = stages[stages.length - 1];
const workdir = lastOf(final, 'WORKDIR')?.args ?? '/';

/** Empty stand-ins for the host's /sys and / (the collectors that read them fail softly on nothing). */
const emptyHost = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-entrypoint-'));

/** Image paths → repository paths: /app is the repository root, /host/proc the fixture procfs, /host/{sys,root} empty. */
function mapPath(p: string): string {
  if (p === '/host/proc' || p.startsWith('/host/proc/')) return path.join(fixturesRoot, 'proc', p.slice('/host/proc'.length));
  if (p === '/host/sys' || p === '/host/root') return emptyHost;
  if (p === workdir || p.startsWith(`${workdir}/`)) return path.join(projectRoot, p.slice(workdir.length));
  return p;
}

function mapArg(arg: string): string {
  const m = /^(--[\w.-]+=)(\/.*)$/.exec(arg);
  if (m) return m[1] + mapPath(m[2]);
  return arg.startsWith('/') ? mapPath(arg) : arg;
}

const argv = [...execForm(lastOf(final, 'ENTRYPOINT')), ...execForm(lastOf(final, 'CMD'))];
const mainJs = path.join(projectRoot, 'dist', 'src', 'exporter', 'main.js');

describe("deploy: the image's entrypoint command", () => {
  after(() => fs.rmSync(emptyHost, { recursive: true, force: true }));

  it('maps to this repository', () => {
    expect(argv[0]).to.equal('node');
    expect(argv.map(mapArg)).to.include(mainJs);
    const roots = [`--path.procfs=${path.join(fixturesRoot, 'proc')}`, `--path.sysfs=${emptyHost}`, `--path.rootfs=${emptyHost}`];
    expect(argv.map(mapArg)).to.include.members(roots);
  });

  it('every file the image build copies from the context exists', function () {
    for (const s of stages) {
      for (const i of s.instructions.filter((x) => x.keyword === 'COPY' && !/--from=/.test(x.args))) {
        for (const src of i.args
          .split(/\s+/)
          .filter((p) => !p.startsWith('--'))
          .slice(0, -1)) {
          expect(fs.existsSync(path.join(projectRoot, src)), `${src} (Dockerfile line ${i.line})`).to.equal(true);
        }
      }
    }
  });

  it('runs locally against the fixture procfs with --once and prints node_exporter metrics', function () {
    this.timeout(60000);
    if (!fs.existsSync(mainJs)) this.skip(); // not built yet: `npm run build` first (npm test does)
    const [cmd, ...rest] = argv.map(mapArg);
    const r = spawnSync(cmd === 'node' ? process.execPath : cmd, [...rest, '--once'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 45000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(r.status, `exit status; stderr: ${r.stderr}`).to.equal(0);
    expect(r.stdout).to.match(/^# HELP /m);
    expect(r.stdout).to.match(/^# TYPE /m);
    for (const name of ['node_disk_reads_completed_total', 'node_softirqs_functions_total', 'node_sockstat_sockets_used']) {
      expect(r.stdout, name).to.match(new RegExp(`^${name}[{ ]`, 'm'));
    }
    expect(r.stdout).to.match(/^node_scrape_collector_success\{collector="diskstats"\} 1$/m);
  });
});
