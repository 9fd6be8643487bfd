/**
 * Start-up failures (one clear line, exit status 2), the root warning, and
 * SIGHUP reloads of config.yaml: a valid new file replaces the old one
 * without dropping the listener; an invalid one is logged and the old one
 * keeps running.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { exporterArgs, get, runExporter, startExporterProcess, TREE_6_18, type StartedExporter } from './helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * How to run the exporter without the power to read what its user may not:
 * as is when not root; as root without CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH (setpriv, util-linux), which still reaches a checkout
 * root owns whatever its parent directories allow; else as nobody, which needs
 * a checkout nobody can reach. Undefined, with the reason, when none applies.
 */
function unprivilegedRunner(): { options: object; wrapper: string[] } | { reason: string } {
  if (!isRoot) return { options: {}, wrapper: [] };
  const probe = (wrapper: string[], options: object): boolean =>
    spawnSync(
      wrapper[0] ?? process.execPath,
      [...wrapper.slice(1), ...(wrapper.length > 0 ? [process.execPath] : []), ...exporterArgs(), '--version'],
      {
        encoding: 'utf8',
        timeout: 30_000,
        ...options,
      },
    ).status === 0;
  const setpriv = ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--'];
  if (spawnSync('setpriv', ['--version']).status === 0 && probe(setpriv, {})) return { options: {}, wrapper: setpriv };
  const nobody = { uid: 65534, gid: 65534 };
  if (probe([], nobody)) return { options: nobody, wrapper: [] };
  return { reason: 'running as root: setpriv cannot drop CAP_DAC_OVERRIDE here and user nobody cannot reach this checkout' };
}

/** Runs the exporter so that file permissions apply to it (see unprivilegedRunner). */
function runUnprivileged(runner: { options: object; wrapper: string[] }, args: string[]): { status: number | null; stderr: string } {
  const command = [...runner.wrapper, process.execPath, ...exporterArgs(), ...args];
  const result = spawnSync(command[0], command.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
    timeout: 30_000,
    ...runner.options,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('exporter start-up failures', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-startup-'));
    fs.chmodSync(dir, 0o755);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a procfs root that is a file: one line, exit 2', () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, '');
    const result = runExporter(['--config', '/dev/null', '--path.procfs', file]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.equal(`proc-exporter: procfs root ${file}: not a directory\n`);
  });

  it('an unreadable procfs root: one line, exit 2', function () {
    const runner = unprivilegedRunner();
    if ('reason' in runner) {
      console.warn(`      skipped: ${runner.reason}`);
      this.skip();
    }
    const root = path.join(dir, 'locked');
    fs.mkdirSync(root);
    fs.chmodSync(root, 0o000);
    try {
      const result = runUnprivileged(runner, ['--config', '/dev/null', '--path.procfs', root]);
      expect(result.status, result.stderr).to.equal(2);
      expect(result.stderr).to.equal(`proc-exporter: procfs root ${root}: permission denied\n`);
    } finally {
      fs.chmodSync(root, 0o755);
    }
  });

  it('a port already in use: one line, exit 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await new Promise<ReturnType<typeof runExporter>>((resolve) => {
        // Asynchronous: the blocking server must keep answering while the exporter tries.
        const child = require('child_process').spawn(
          process.execPath,
          [...exporterArgs(), '--config', '/dev/null', '--path.procfs', TREE_6_18, '--web.listen-address', `127.0.0.1:${port}`],
          {
            env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
          },
        );
        let stderr = '';
        let stdout = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('exit', (status: number | null) => resolve({ status, stderr, stdout }));
      });
      expect(result.status).to.equal(2);
      expect(result.stderr).to.equal(`proc-exporter: listen 127.0.0.1:${port}: address already in use\n`);
    } finally {
      blocker.close();
    }
  });

  it('an invalid config (YAML, schema, flag): one line each, exit 2, no stack trace', () => {
    const file = path.join(dir, 'bad.yaml');
    for (const [text, pattern] of [
      ['web: [unclosed\n', /bad\.yaml: line \d+, column \d+: /],
      ['interval: soon\n', /interval: expected a duration like 15s/],
      ['dump:\n  maxBytes: -1\n', /dump\.maxBytes/],
      ['web:\n  maxRequests: lots\n', /web\.maxRequests/],
    ] as const) {
      fs.writeFileSync(file, text);
      const result = runExporter(['--config', file, '--path.procfs', TREE_6_18]);
      expect(result.status, text).to.equal(2);
      expect(
        result.stderr.split('\n').filter((l) => l !== ''),
        text,
      ).to.have.length(1);
      expect(result.stderr, text)
        .to.match(pattern)
        .and.not.match(/\n\s+at /);
    }
  });
});

describe('exporter: root warning and SIGHUP reload', function () {
  this.timeout(60_000);
  let dir: string;
  let exporter: StartedExporter | undefined;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-reload-'));
  });
  after(async () => {
    await exporter?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}; exporter log:\n${exporter?.stderr()}`);
  }

  it('reloads a valid config.yaml on SIGHUP without dropping the listener; keeps the old one when the new one is invalid', async function () {
    if (process.platform === 'win32') this.skip();
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, `procfs: ${TREE_6_18}\ninterval: 1s\ncollectors:\n  softirqs:\n    enabled: false\n`);
    exporter = await startExporterProcess(['--config', file]);
    const url = `http://${exporter.address}/metrics`;
    const before = await get(url);
    if (isRoot) await eventually(() => /level=warn msg="running as root/.test(exporter!.stderr()), 'the root warning');
    expect(before.status).to.equal(200);
    expect(before.body).to.not.include('collector="softirqs"');

    // A connection opened before the reload keeps working after it (the listener is not dropped).
    const socket = net.connect(Number(exporter.address.split(':').pop()), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    fs.writeFileSync(
      file,
      `procfs: ${TREE_6_18}\ninterval: 1s\ncollectors:\n  softirqs:\n    enabled: true\n  sockstat:\n    enabled: false\n`,
    );
    exporter.child.kill('SIGHUP');
    await eventually(() => /configuration reloaded/.test(exporter!.stderr()), 'the reload');
    const after = await get(url);
    expect(after.status).to.equal(200);
    expect(after.body).to.include('node_scrape_collector_success{collector="softirqs"} 1\n');
    expect(after.body).to.not.include('collector="sockstat"');
    const reply = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (c) => {
        text += c.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await reply).to.match(/^HTTP\/1\.1 200/);
    socket.destroy();

    // Invalid: logged, the old config keeps running.
    fs.writeFileSync(file, 'interval: [broken\n');
    exporter.child.kill('SIGHUP');
    await eventually(() => /reload failed; the running configuration is kept/.test(exporter!.stderr()), 'the failed reload');
    expect(exporter.stderr()).to.match(/level=error msg="reload failed; the running configuration is kept" err=".*config\.yaml: line \d+/);
    fs.writeFileSync(file, `procfs: ${path.join(dir, 'no-such-root')}\n`);
    exporter.child.kill('SIGHUP');
    await eventually(() => (exporter!.stderr().match(/reload failed/g) ?? []).length === 2, 'the second failed reload');
    expect(exporter.stderr()).to.include('no-such-root: no such directory');
    const still = await get(url);
    expect(still.status).to.equal(200);
    expect(still.body).to.include('node_scrape_collector_success{collector="softirqs"} 1\n');
    expect(exporter.child.exitCode).to.equal(null);
    expect(await exporter.stop()).to.equal(0);
    exporter = undefined;
  });
});
