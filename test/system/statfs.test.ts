/**
 * The statfs pool against calls that never return: a worker whose statfs blocks its thread (as a
 * dead NFS server does) until the test opens a gate, counting the calls it is asked to make.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import { StatfsPool, type StatfsOutcome } from '../../src/system/statfs';
import { fixturePath } from '../support/fixtures';

/** Paths under /stuck/ block on gate[0] until it is set; gate[1] counts the calls made. */
const BLOCKING_WORKER = `
const { parentPort, workerData: gate } = require('worker_threads');
const { statfsSync } = require('fs');
parentPort.on('message', (path) => {
  Atomics.add(gate, 1, 1);
  if (path.startsWith('/stuck/')) Atomics.wait(gate, 0, 0);
  try {
    const { bsize, blocks, bfree, bavail, files, ffree } = statfsSync(path.startsWith('/stuck/') ? '/' : path);
    parentPort.postMessage({ counts: { bsize, blocks, bfree, bavail, files, ffree } });
  } catch (error) {
    parentPort.postMessage({ error: { code: error.code, message: /^[A-Z0-9]+: ([^,]*)/.exec(error.message)[1] } });
  }
});`;

const LIMITS = { timeoutMs: 200, workers: 2 };

describe('statfs pool', function () {
  this.timeout(20_000);
  let gate: Int32Array;
  let pool: StatfsPool;

  beforeEach(() => {
    gate = new Int32Array(new SharedArrayBuffer(8));
    pool = new StatfsPool({ workerSource: BLOCKING_WORKER, workerData: gate, maxStuck: 2 });
  });

  afterEach(async () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await pool.close();
  });

  const release = (): void => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  };
  const calls = (): number => Atomics.load(gate, 1);
  const settle = async (predicate: () => boolean): Promise<void> => {
    while (!predicate()) await new Promise((r) => setTimeout(r, 10));
  };

  it('gives the counts of a directory and the error of a path that is not there', async () => {
    const dir = fixturePath('sys');
    const [ok, missing] = await Promise.all([pool.statfs(dir, LIMITS), pool.statfs('/no/such/mount', LIMITS)]);
    const expected = fs.statfsSync(dir);
    expect(ok.kind).to.equal('ok');
    expect((ok as Extract<StatfsOutcome, { kind: 'ok' }>).counts.bsize).to.equal(expected.bsize);
    expect((ok as Extract<StatfsOutcome, { kind: 'ok' }>).counts.blocks).to.equal(expected.blocks);
    expect(missing).to.deep.equal({ kind: 'error', code: 'ENOENT', message: 'no such file or directory' });
    expect(pool.threads()).to.deep.equal({ live: 1, stuck: 0 });
  });

  it('answers timeout for a call that does not return, and makes no second call until it does', async () => {
    const first = await Promise.all([pool.statfs('/stuck/a', LIMITS), pool.statfs('/', LIMITS)]);
    expect(first.map((o) => o.kind)).to.deep.equal(['timeout', 'ok']);
    expect(pool.outstandingPaths()).to.deep.equal(['/stuck/a']);
    expect(calls()).to.equal(2);
    // Asked again while stuck: answered at once, no new call.
    expect((await pool.statfs('/stuck/a', LIMITS)).kind).to.equal('timeout');
    expect(calls()).to.equal(2);
    expect(pool.threads()).to.deep.equal({ live: 1, stuck: 1 });
    release();
    await settle(() => pool.outstandingPaths().length === 0);
    expect(pool.threads().stuck, 'the abandoned worker ends once its call returns').to.equal(0);
    expect((await pool.statfs('/stuck/a', LIMITS)).kind, 'called again after it returned').to.equal('ok');
    expect(calls()).to.equal(3);
  });

  it("leaves libuv's thread pool alone: file reads complete while more calls are stuck than it has threads", async () => {
    const size = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
    const stuck = Array.from({ length: size + 1 }, (_, i) => pool.statfs(`/stuck/${i}`, { timeoutMs: 60_000, workers: size + 1 }));
    await settle(() => calls() === size + 1);
    const text = await fs.promises.readFile(fixturePath('sys/class/net/eth0/mtu'), 'utf8');
    expect(text).to.equal('1400\n');
    release();
    expect((await Promise.all(stuck)).map((o) => o.kind)).to.deep.equal(Array(size + 1).fill('ok'));
  });

  it('joins a second request for a path whose call is still running', async () => {
    const [a, b] = await Promise.all([pool.statfs('/', LIMITS), pool.statfs('/', LIMITS)]);
    expect([a.kind, b.kind]).to.deep.equal(['ok', 'ok']);
    expect(calls()).to.equal(1);
  });

  it('never has more than workers + maxStuck threads, and answers busy when none is left to work', async () => {
    const paths = ['/stuck/1', '/stuck/2', '/stuck/3', '/stuck/4', '/stuck/5', '/stuck/6'];
    const outcomes = await Promise.all(paths.map((p) => pool.statfs(p, LIMITS)));
    const threads = pool.threads();
    expect(threads.live + threads.stuck).to.be.at.most(LIMITS.workers + 2);
    expect(threads.live).to.equal(0);
    expect(outcomes.filter((o) => o.kind === 'timeout')).to.have.length(calls());
    expect(outcomes.filter((o) => o.kind === 'busy')).to.have.length(paths.length - calls());
    expect(calls()).to.equal(4);
    // A healthy mount asked now is not called either: every thread is stuck.
    expect(await pool.statfs('/', LIMITS)).to.deep.equal({ kind: 'busy' });
    release();
    await settle(() => pool.threads().stuck === 0);
    expect((await pool.statfs('/', LIMITS)).kind, 'a fresh worker once they return').to.equal('ok');
  });

  it('starts a second worker only when a call is slow, so one stuck mount does not hold up the others', async () => {
    const outcomes = await Promise.all(['/stuck/x', '/', '/proc', '/no/such'].map((p) => pool.statfs(p, { timeoutMs: 2000, workers: 2 })));
    expect(outcomes.map((o) => o.kind)).to.deep.equal(['timeout', 'ok', 'ok', 'error']);
    expect(pool.threads()).to.deep.equal({ live: 1, stuck: 1 });
  });
});
