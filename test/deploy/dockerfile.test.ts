import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { startExporterProcess, TREE_6_18 } from '../exporter/helpers';
import { projectRoot } from '../support/fixtures';
import { execForm, labelsOf, lastOf, parseDockerfile, type Stage } from './support';

const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(dockerfile);
const final = stages[stages.length - 1];
const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string; license: string };

/** Stages the final stage copies from (COPY --from=NAME), and theirs, transitively. */
function stagesFeeding(stage: Stage, seen = new Set<Stage>()): Set<Stage> {
  for (const ins of stage.instructions) {
    const m = /--from=(\S+)/.exec(ins.args);
    if (ins.keyword !== 'COPY' || !m) continue;
    const from = stages.find((s) => s.name === m[1] || String(s.index) === m[1]);
    if (from && !seen.has(from)) {
      seen.add(from);
      stagesFeeding(from, seen);
    }
  }
  return seen;
}

/** A shell command written over several lines with `\` continuations, as one line. */
const joinLines = (lines: readonly string[]): string => lines.map((l) => l.replace(/\\\s*$/, '').trim()).join(' ');

/** The `docker run` example in the Dockerfile's header comment. */
function headerDockerRun(): string {
  const lines = dockerfile.split('\n').map((l) => l.replace(/^#\s*/, ''));
  const start = lines.findIndex((l) => l.startsWith('docker run '));
  let end = start;
  while (/\\\s*$/.test(lines[end])) end++;
  return joinLines(lines.slice(start, end + 1));
}

/** The `docker run` example of README.md's Container image section. */
function readmeDockerRun(): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith('docker run -d --name proc-exporter'));
  let end = start;
  while (/\\\s*$/.test(lines[end])) end++;
  return joinLines(lines.slice(start, end + 1));
}

describe('deploy: Dockerfile', () => {
  it('is multi-stage on Node 20 with a slim final base', () => {
    expect(stages.length).to.be.at.least(2);
    for (const s of stages) expect(s.base, `stage ${s.name ?? s.index}`).to.match(/^node:20[.\w-]*$/);
    expect(final.base).to.match(/slim|alpine|distroless/);
  });

  it('builds with the dev dependencies in a build stage (npm ci, then tsc)', () => {
    const build = stages.find((s) => s !== final && s.instructions.some((i) => /\btsc\b|npm run build/.test(i.args)));
    expect(build, 'a stage that compiles').to.exist;
    const install = build!.instructions.find((i) => i.keyword === 'RUN' && /npm ci\b/.test(i.args));
    expect(install?.args).to.not.match(/--omit=dev|--production/);
  });

  it('installs no dev dependency in or for the final stage', () => {
    const relevant = [final, ...stagesFeeding(final)].filter((s) => !s.instructions.some((i) => /\btsc\b/.test(i.args)));
    const copiesNodeModules = final.instructions.filter((i) => i.keyword === 'COPY' && /node_modules/.test(i.args));
    for (const c of copiesNodeModules) {
      const from = /--from=(\S+)/.exec(c.args)?.[1];
      const stage = stages.find((s) => s.name === from);
      expect(stage, `node_modules come from ${from}`).to.exist;
      expect(
        stage!.instructions.some((i) => /\btsc\b/.test(i.args)),
        'node_modules copied from the build stage',
      ).to.equal(false);
    }
    let installs = 0;
    for (const s of relevant) {
      for (const i of s.instructions.filter((x) => x.keyword === 'RUN')) {
        for (const cmd of i.args.split(/&&|;|\|\|/)) {
          if (/\b(npm|yarn|pnpm)\s+(ci|install|i|add)\b/.test(cmd)) {
            installs++;
            expect(cmd, `stage ${s.name}: ${cmd.trim()}`).to.match(/--omit=dev|--production|--only=prod/);
            expect(cmd).to.match(/--ignore-scripts/);
          }
        }
      }
    }
    expect(installs, 'a production-only npm ci').to.be.at.least(1);
  });

  it('ships only dist/, production node_modules, package.json and config.yaml', () => {
    const copied: string[] = [];
    for (const i of final.instructions.filter((x) => x.keyword === 'COPY' || x.keyword === 'ADD')) {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      copied.push(...parts.slice(0, -1).map((p) => p.replace(/^\/(src|app)\//, '').replace(/^\.\//, '')));
    }
    expect(copied.sort()).to.deep.equal(['config.yaml', 'dist', 'node_modules', 'package.json']);
    expect(final.instructions.some((i) => i.keyword === 'ADD')).to.equal(false);
  });

  it('runs the final stage as the numeric non-root user 65534', () => {
    const user = lastOf(final, 'USER');
    expect(user, 'USER in the final stage').to.exist;
    const [uid, gid] = user!.args.split(':');
    expect(uid).to.match(/^\d+$/);
    expect(Number(uid)).to.equal(65534);
    if (gid !== undefined) expect(gid).to.match(/^\d+$/).and.not.equal('0');
    // Nothing after USER switches back or needs to write.
    const after = final.instructions.slice(final.instructions.indexOf(user!) + 1);
    expect(after.map((i) => i.keyword)).to.not.include.members(['RUN', 'USER']);
    expect(
      final.instructions.some((i) => i.keyword === 'VOLUME'),
      'no VOLUME: no writable filesystem needed',
    ).to.equal(false);
  });

  it('has no HEALTHCHECK: none could follow the listen address, port, TLS and auth (documented in the file and the README)', () => {
    expect(stages.flatMap((st) => st.instructions).filter((i) => i.keyword === 'HEALTHCHECK')).to.deep.equal([]);
    expect(dockerfile).to.include('# No HEALTHCHECK:');
    expect(readme).to.include('No `HEALTHCHECK` in the image');
  });

  for (const [where, example] of [
    ["the header's", headerDockerRun],
    ["README's", readmeDockerRun],
  ] as const) {
    it(`${where} docker run example shares the host network, mounts /proc, /sys and / read-only where the default flags point`, () => {
      const cmd = example();
      expect(cmd).to.match(/^docker run /);
      expect(cmd).to.include(' --net host ');
      expect(cmd).to.include(' --read-only ');
      for (const mount of ['-v /proc:/host/proc:ro', '-v /sys:/host/sys:ro', '-v /:/host/root:ro,rslave']) {
        expect(cmd).to.include(` ${mount} `);
      }
      // No arguments after the image: the default ones (CMD) point at the mounts.
      expect(cmd).to.match(/ \S*proc-exporter:0\.1\.0$/);
      expect(execForm(lastOf(final, 'CMD'))).to.deep.equal([
        '--path.procfs=/host/proc',
        '--path.sysfs=/host/sys',
        '--path.rootfs=/host/root',
        '--config=/app/config.yaml',
      ]);
    });
  }

  it("README's --health-cmd answers 0 while the exporter serves /healthz, 1 when it is gone", async function () {
    this.timeout(60000);
    const m = /--health-cmd "((?:[^"\\]|\\.)*)"/.exec(readmeDockerRun());
    expect(m, '--health-cmd "..."').to.not.equal(null);
    const template = m![1].replace(/\\(.)/g, '$1');
    expect(template).to.include('http://127.0.0.1:19100/healthz');
    const exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18]);
    const healthCmd = template.replace('127.0.0.1:19100', exporter.address);
    let up: number | null;
    try {
      // /healthz answers 503 until the first cycle is done: what a starting container reports.
      for (let i = 0; i < 50; i++) {
        up = spawnSync('sh', ['-c', healthCmd], { encoding: 'utf8', timeout: 20000 }).status;
        if (up === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await exporter.stop();
    }
    expect(up!, 'health command with the exporter up').to.equal(0);
    expect(spawnSync('sh', ['-c', healthCmd], { encoding: 'utf8', timeout: 20000 }).status, 'exporter stopped').to.equal(1);
  });

  it('EXPOSEs the default metrics port 19100', () => {
    const ports = final.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
    expect(ports.map((p) => p.replace(/\/tcp$/, ''))).to.include('19100');
  });

  it('has the exporter as its exec-form entrypoint, reading the host /proc at /host/proc', () => {
    const entrypoint = execForm(lastOf(final, 'ENTRYPOINT'));
    const cmd = execForm(lastOf(final, 'CMD'));
    expect(entrypoint[0]).to.equal('node');
    expect(entrypoint).to.include('/app/dist/src/exporter/main.js');
    const argv = [...entrypoint, ...cmd];
    expect(argv).to.include('--path.procfs=/host/proc');
    expect(argv.some((a) => /^--config=\/app\/config\.yaml$/.test(a))).to.equal(true);
    expect(lastOf(final, 'WORKDIR')?.args).to.equal('/app');
  });

  it('carries the OCI labels source, version (= package.json) and licenses', () => {
    const labels = labelsOf(final);
    const args: Record<string, string> = {};
    for (const i of final.instructions.filter((x) => x.keyword === 'ARG')) {
      const m = /^(\w+)=(.*)$/.exec(i.args);
      if (m) args[m[1]] = m[2];
    }
    const subst = (v: string) => v.replace(/\$\{?(\w+)\}?/g, (_, n: string) => args[n] ?? '');
    expect(labels['org.opencontainers.image.source']).to.match(/^https:\/\//);
    expect(subst(labels['org.opencontainers.image.version'])).to.equal(pkg.version);
    expect(labels['org.opencontainers.image.licenses']).to.equal(pkg.license);
  });

  it('has a .dockerignore that keeps tests, fixtures, node_modules, dist and .git out', () => {
    const ignored = fs
      .readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).to.include.members(['.git', 'test', 'fixtures', 'node_modules', 'dist']);
    // What the build stage copies must not be ignored.
    for (const s of stages) {
      for (const i of s.instructions.filter((x) => x.keyword === 'COPY' && !/--from=/.test(x.args))) {
        for (const src of i.args.split(/\s+/).slice(0, -1)) {
          expect(ignored, `${src} is copied`).to.not.include(src.replace(/^\.\//, ''));
        }
      }
    }
  });

  it('is read correctly by the line reader (continuations, comments, global ARGs)', () => {
    const parsed = parseDockerfile(
      'ARG BASE=node:20-slim\n# c\nFROM ${BASE} AS b\nRUN a \\\n  # inner comment\n  && b\nFROM b\nLABEL x="1 2" y=3\n',
    );
    expect(parsed.stages.map((s) => s.base)).to.deep.equal(['node:20-slim', 'b']);
    expect(parsed.stages[0].instructions[0]).to.include({ keyword: 'RUN', args: 'a && b', line: 4 });
    expect(labelsOf(parsed.stages[1])).to.deep.equal({ x: '1 2', y: '3' });
  });
});
