import { expect } from 'chai';
import { ParseError } from '../src/errors';
import { defineHandler } from '../src/handler';
import { Lines, keyValueNumbers, keyValueText } from '../src/parsers/helpers';
import { ProcFs } from '../src/procfs';
import { listThreads, readProcess, readProcesses, walkProcesses, type ProcessRecord } from '../src/processes';
import { fixturePath } from './support/fixtures';

// Small stand-ins for the per-process parsers so that these tests exercise the
// walker alone; `pid/mounts` below is the registry's real handler, by name.
const stat = defineHandler({
  name: 'pid/stat',
  summary: 'test: pid, comm, state, ppid, minflt',
  parse(text: string, file: string) {
    const src = new Lines(file, text);
    const line = src.lines[0] ?? '';
    const open = line.indexOf('(');
    const close = line.lastIndexOf(')');
    if (open < 0 || close < open) src.fail(0, 'expected "pid (comm) …"');
    const f = line.slice(close + 2).split(' ');
    return [
      {
        pid: src.int(line.slice(0, open - 1), 0, 'pid'),
        comm: line.slice(open + 1, close),
        state: f[0],
        ppid: src.int(f[1], 0, 'ppid'),
        minflt: src.int(f[7], 0, 'minflt'),
      },
    ];
  },
});
const cmdline = defineHandler({
  name: 'pid/cmdline',
  summary: 'test: argv',
  parse: (text: string) => (text === '' ? [] : [{ argv: text.replace(/\0$/, '').split('\0') }]),
});
const io = defineHandler({
  name: 'pid/io',
  summary: 'test: io',
  parse: (text: string, file: string) => keyValueNumbers(new Lines(file, text)),
});
const status = defineHandler({
  name: 'pid/status',
  summary: 'test: status',
  parse: (text: string, file: string) => keyValueText(new Lines(file, text)),
});

const FILES = [stat, status, cmdline, io, 'pid/mounts'] as const;
const ROOT = fixturePath('trees/processes');

function errno(code: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

/** A procfs where chosen pids exit after listing, and chosen files are another user's. */
class ScriptedProcFs extends ProcFs {
  readonly reads: string[] = [];
  constructor(
    private readonly vanishAfterListing: Set<string>,
    private readonly denied: Set<string> = new Set(),
    private readonly vanishCode = 'ENOENT',
  ) {
    super(ROOT);
  }

  override readText(relative: string): string {
    this.reads.push(relative);
    const pid = relative.split('/')[0];
    if (this.vanishAfterListing.has(pid)) throw errno(this.vanishCode);
    if (this.denied.has(relative)) throw errno('EACCES');
    return super.readText(relative);
  }

  override exists(relative: string): boolean {
    if (this.vanishAfterListing.has(relative.split('/')[0])) return false;
    return super.exists(relative);
  }
}

describe('process walker', () => {
  it('walks every process of a tree in pid order with the records of each file', async () => {
    const records = await readProcesses({ procfs: ROOT, files: FILES });
    expect(records.map((r) => r.pid)).to.deep.equal([2, 7001, 7002, 7003, 15879]);
    const kthreadd = records[0];
    expect(kthreadd).to.not.have.property('tid');
    expect(kthreadd).to.not.have.property('errors');
    expect(kthreadd.files['pid/stat']).to.deep.equal([{ pid: 2, comm: 'kthreadd', state: 'S', ppid: 0, minflt: 0 }]);
    expect(kthreadd.files['pid/cmdline']).to.deep.equal([]);
    expect(kthreadd.files['pid/io']).to.have.length(7);
    expect(kthreadd.files['pid/status']![0]).to.deep.equal({ name: 'Name', value: 'kthreadd' });
    expect(kthreadd.files['pid/mounts']).to.have.length(20);
    expect(kthreadd.files['pid/mounts']![0]).to.include({ device: 'proc', mount_point: '/proc', fstype: 'proc' });

    const python = records[4];
    expect(python.files['pid/stat']).to.deep.equal([{ pid: 15879, comm: 'python3', state: 'S', ppid: 15876, minflt: 2905 }]);
    expect((python.files['pid/cmdline']![0] as { argv: string[] }).argv.slice(0, 2)).to.deep.equal([
      '/root/.pyenv/versions/3.11.7/bin/python3',
      '-c',
    ]);
    expect(python.files['pid/io']![0]).to.deep.equal({ name: 'rchar', value: 1685836 });
    expect(python.files['pid/io']![6]).to.deep.equal({ name: 'cancelled_write_bytes', value: 0 });
  });

  it('reports a ParseError in one file of one process and keeps its other files and the walk', async () => {
    const records = await readProcesses({ procfs: ROOT, files: FILES });
    const broken = records.find((r) => r.pid === 7001)!;
    expect(broken.files).to.not.have.property('pid/stat');
    expect(broken.files['pid/io']).to.have.length(7);
    const error = broken.errors!['pid/stat']!;
    expect(error.kind).to.equal('parse');
    expect(error.path).to.equal('7001/stat');
    expect(error.error).to.be.instanceOf(ParseError);
    expect(error.message).to.match(/trees\/processes\/7001\/stat:1: minflt is not an integer \("x"\)/);
    expect(records.filter((r) => r.errors !== undefined).map((r) => r.pid)).to.deep.equal([7001]);
  });

  it('leaves out a file the live process does not have', async () => {
    const records = await readProcesses({ procfs: ROOT, files: FILES, pids: [7003] });
    expect(records).to.have.length(1);
    expect(records[0].files).to.not.have.property('pid/io');
    expect(records[0]).to.not.have.property('errors');
    expect(records[0].files['pid/cmdline']).to.deep.equal([{ argv: ['my (weird) proc', '--flag'] }]);
    expect(records[0].files['pid/stat']).to.deep.equal([{ pid: 7003, comm: 'no-io', state: 'S', ppid: 0, minflt: 0 }]);
  });

  it('skips silently a process that exits between listing and reading (ENOENT or ESRCH)', async () => {
    for (const code of ['ENOENT', 'ESRCH']) {
      const procfs = new ScriptedProcFs(new Set(['7002']), new Set(), code);
      const records = await readProcesses({ procfs, files: FILES });
      expect(
        records.map((r) => r.pid),
        code,
      ).to.deep.equal([2, 7001, 7003, 15879]);
      // The walker stopped at the first failed read of the vanished process.
      expect(procfs.reads.filter((r) => r.startsWith('7002/'))).to.deep.equal(['7002/stat']);
    }
  });

  it('gives an empty record list for a file of another user (EACCES)', async () => {
    const procfs = new ScriptedProcFs(new Set(), new Set(['15879/io']));
    const [python] = await readProcesses({ procfs, files: FILES, pids: [15879] });
    expect(python.files['pid/io']).to.deep.equal([]);
    expect(python).to.not.have.property('errors');
    expect(python.files['pid/stat']).to.have.length(1);
  });

  it('walks threads from task/ after each process when asked', async () => {
    const records: ProcessRecord[] = [];
    for await (const r of walkProcesses({ procfs: ROOT, files: [stat, status], threads: true, pids: [2, 15879] })) records.push(r);
    expect(records.map((r) => [r.pid, r.tid])).to.deep.equal([
      [2, undefined],
      [2, 2],
      [15879, undefined],
      [15879, 15879],
      [15879, 15970],
    ]);
    const worker = records[4];
    expect(worker.files['pid/stat']).to.deep.equal([{ pid: 15970, comm: 'python3', state: 'S', ppid: 15876, minflt: 3 }]);
    expect(worker.files['pid/status']![5]).to.deep.equal({ name: 'Pid', value: '15970' });
    expect(listThreads(new ProcFs(ROOT), 15879)).to.deep.equal([15879, 15970]);
    expect(listThreads(new ProcFs(ROOT), 99999)).to.deep.equal([]);
  });

  it('reads one process on demand, undefined once it has gone', () => {
    const one = readProcess(new ProcFs(ROOT), 2, [stat]);
    expect(one).to.deep.equal({ pid: 2, files: { 'pid/stat': [{ pid: 2, comm: 'kthreadd', state: 'S', ppid: 0, minflt: 0 }] } });
    expect(readProcess(new ScriptedProcFs(new Set(['2'])), 2, [stat])).to.equal(undefined);
    expect(readProcess(new ProcFs(ROOT), 424242, [stat])).to.equal(undefined);
  });

  it('reads each file once per process', async () => {
    const procfs = new ScriptedProcFs(new Set());
    await readProcesses({ procfs, files: [stat, io], pids: [2, 15879] });
    expect(procfs.reads).to.deep.equal(['2/stat', '2/io', '15879/stat', '15879/io']);
  });

  it('gives the event loop a turn during a long walk', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      const slow = defineHandler({
        name: 'pid/stat',
        summary: 'test: busy parser',
        parse: () => {
          const until = performance.now() + 3;
          while (performance.now() < until) {
            /* busy */
          }
          return [];
        },
      });
      let seen = 0;
      for await (const _ of walkProcesses({ procfs: ROOT, files: [slow], yieldEveryMs: 1 })) seen++;
      expect(seen).to.equal(5);
    } finally {
      clearInterval(timer);
    }
    expect(turns).to.be.greaterThan(2);
  });

  it('refuses names that are not single per-process files', () => {
    expect(() => readProcess(new ProcFs(ROOT), 2, ['meminfo'])).to.throw(/meminfo is not a per-process file/);
    expect(() => readProcess(new ProcFs(ROOT), 2, ['pid/nonesuch'])).to.throw(/unknown handler "pid\/nonesuch"/);
  });
});
