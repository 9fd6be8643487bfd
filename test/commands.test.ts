/** The three commands, run as real child processes on fixtures. */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture, fixturePath, projectRoot, runBin } from './support/fixtures';
import { runBinUnprivileged, unprivilegedProblem } from './support/unprivileged';

describe('commands', () => {
  const diskstats = fixturePath('linux-3.2/proc/diskstats');

  it('proc2json prints source, handler and records for one file', () => {
    const result = runBin('proc2json', [diskstats]);
    expect(result.status).to.equal(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.source).to.equal(diskstats);
    expect(parsed.handler).to.equal('diskstats');
    expect(parsed.records).to.have.length(50);
    expect(parsed.records[0]).to.include({ major: 1, minor: 0, device: 'ram0' });
  });

  it('proc2json prints an array for several files', () => {
    const result = runBin('proc2json', [diskstats, fixturePath('proc/net/sockstat')]);
    expect(result.status).to.equal(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.map((r: { handler: string }) => r.handler)).to.deep.equal(['diskstats', 'net/sockstat']);
  });

  it('proc2json reads standard input with --as', () => {
    const result = runBin('proc2json', ['-', '--as', 'net/sockstat'], fixture('proc/net/sockstat'));
    expect(result.status).to.equal(0);
    expect(JSON.parse(result.stdout).records[0]).to.deep.equal({ protocol: 'sockets', values: { used: 8 } });
  });

  it('proc2json refuses standard input without --as in one line', () => {
    const result = runBin('proc2json', ['-'], 'x');
    expect(result.status).to.equal(2);
    expect(result.stderr).to.equal('proc2json: -: standard input needs --as NAME\n');
  });

  it('proc2csv writes a header, pipe-delimited rows and flattens nested values', () => {
    const result = runBin('proc2csv', [fixturePath('proc/softirqs')]);
    expect(result.status).to.equal(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).to.equal('name|cpus.CPU0|cpus.CPU1');
    expect(lines[1]).to.equal('HI|0|0');
    expect(lines[2]).to.equal('TIMER|2367|2522');
    expect(lines).to.have.length(12);
  });

  it('proc2csv prints one header per file: the union of the fields in first-seen order, absent fields empty', () => {
    const result = runBin('proc2csv', [fixturePath('proc/net/sockstat')]);
    expect(result.status).to.equal(0);
    expect(result.stdout.split('\n')).to.deep.equal([
      'protocol|values.used|values.inuse|values.orphan|values.tw|values.alloc|values.mem|values.memory',
      'sockets|8||||||',
      'TCP||1|0|0|1|201|',
      'UDP||0||||0|',
      'UDPLITE||0|||||',
      'RAW||0|||||',
      'FRAG||0|||||0',
      '',
    ]);
  });

  const oneHeader = ['proc/mounts', 'proc/net/tcp', 'proc/4242/smaps'];
  for (const file of [...oneHeader, 'linux-3.2/proc/mounts', 'linux-3.2/proc/net/tcp', 'linux-3.2/proc/self/smaps']) {
    it(`proc2csv ${file}: one header, one line per record`, () => {
      const records = (JSON.parse(runBin('proc2json', [fixturePath(file)]).stdout) as { records: object[] }).records;
      const result = runBin('proc2csv', [fixturePath(file)]);
      expect(result.status).to.equal(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).to.have.length(records.length + 1);
      expect(lines).to.not.include('');
      const header = lines[0].split('|');
      expect(new Set(header).size).to.equal(header.length);
      for (const line of lines.slice(1)) expect(line.split('|')).to.have.length(header.length);
    });
  }

  it('proc2csv /proc/mounts: a mount without an option has an empty cell there, never 0', () => {
    const lines = runBin('proc2csv', [fixturePath('proc/mounts')])
      .stdout.trimEnd()
      .split('\n');
    const header = lines[0].split('|');
    expect(header.slice(0, 7)).to.deep.equal(['device', 'mount_point', 'fstype', 'options.rw', 'options.relatime', 'dump', 'pass']);
    const last = lines[lines.length - 1].split('|');
    expect(last.slice(0, 7)).to.deep.equal(['cgroup2', '/sys/fs/cgroup/unified', 'cgroup2', 'true', 'true', '0', '0']);
    expect(last.slice(7).every((cell) => cell === '')).to.equal(true);
    expect(last).to.have.length(header.length);
  });

  it('proc2csv stat: one header per kind of record (cpu lines, intr counts, single values, softirq counts)', () => {
    const blocks = runBin('proc2csv', [fixturePath('proc/stat')])
      .stdout.trimEnd()
      .split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0].split('|').slice(0, 3).join('|'))).to.deep.equal([
      'kind|name|user',
      'kind|name|total',
      'kind|name|value',
      'kind|name|total',
    ]);
    expect(blocks[0].split('\n')[1]).to.equal('cpu|cpu|942|0|285|43605|28|0|25|0|0|0');
    expect(blocks[2].split('\n')).to.deep.equal([
      'kind|name|value',
      'value|ctxt|302388',
      'value|btime|1795685203',
      'value|processes|2485',
      'value|procs_running|1',
      'value|procs_blocked|0',
    ]);
    // softirq's own columns: its 10 counts, not intr's.
    expect(blocks[3].split('\n')).to.deep.equal([
      'kind|name|total|counts.0|counts.1|counts.2|counts.3|counts.4|counts.5|counts.6|counts.7|counts.8|counts.9',
      'counts|softirq|39500|0|4889|5|4769|5772|0|2|13495|0|10568',
    ]);
  });

  it('proc2csv takes another delimiter', () => {
    const result = runBin('proc2csv', [fixturePath('proc/softirqs'), '--delimiter', ',']);
    expect(result.stdout.split('\n')[1]).to.equal('HI,0,0');
  });

  it('show-proc-fields lists every field, nested ones indented', () => {
    const result = runBin('show-proc-fields', [fixturePath('proc/softirqs')]);
    expect(result.status).to.equal(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).to.equal(`${fixturePath('proc/softirqs')} (handler softirqs, 10 records)`);
    expect(lines.slice(1, 6)).to.deep.equal(['record 0:', '  name: "HI"', '  cpus:', '    CPU0: 0', '    CPU1: 0']);
  });

  it('--list prints every handler with its summary', () => {
    const result = runBin('proc2json', ['--list']);
    expect(result.status).to.equal(0);
    expect(result.stdout).to.match(/^diskstats\s+I\/O statistics per block device$/m);
    expect(result.stdout).to.match(/^net\/tcp6?\s/m);
  });

  it('says a process has exited when its directory is gone', () => {
    const result = runBin('proc2json', [fixturePath('proc/999999/status')]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.equal(`proc2json: ${fixturePath('proc/999999/status')}: process 999999 no longer exists\n`);
  });

  it('refuses binary and stream files by name, before opening them', () => {
    const kmsg = runBin('proc2json', ['/nonexistent/kmsg']);
    expect(kmsg.status).to.equal(2);
    expect(kmsg.stderr).to.equal(
      'proc2json: /nonexistent/kmsg: kernel log stream (reading blocks and consumes messages), not supported: use dmesg\n',
    );
    const rtAcct = runBin('proc2csv', ['/nonexistent/net/rt_acct']);
    expect(rtAcct.stderr).to.equal('proc2csv: /nonexistent/net/rt_acct: binary file, not supported\n');
  });

  it('reads a symbolic link of a process directory as its target, without following it', () => {
    const result = runBin('proc2json', [fixturePath('proc/4242/fd/0')]);
    expect(result.status).to.equal(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.handler).to.equal('pid/fd');
    expect(parsed.records[0]).to.include({ fd: 0, target: '/dev/null' });
  });

  for (const command of ['proc2json', 'proc2csv', 'show-proc-fields']) {
    it(`${command}: a missing file is one line on stderr and exit 2`, () => {
      const result = runBin(command, ['/proc/nope/diskstats']);
      expect(result.status).to.equal(2);
      expect(result.stderr).to.equal(`${command}: /proc/nope/diskstats: no such file\n`);
    });

    it(`${command}: an unknown file name gives a hint, not an empty result`, () => {
      const result = runBin(command, ['/tmp/tcp6-from-thursday']);
      expect(result.status).to.equal(2);
      expect(result.stderr).to.equal(
        `${command}: /tmp/tcp6-from-thursday: no handler recognises this file name (use --as NAME; --list shows the names)\n`,
      );
      expect(result.stdout).to.equal('');
    });

    it(`${command}: a malformed file names file and line, without a stack trace`, () => {
      const result = runBin(command, ['-', '--as', 'diskstats'], '   8 0 sda 1 2 3\n');
      expect(result.status).to.equal(2);
      expect(result.stderr).to.equal(`${command}: -:1: expected at least 14 columns, found 6: "   8 0 sda 1 2 3"\n`);
    });

    it(`${command}: an unknown option is one line and exit 2`, () => {
      const result = runBin(command, ['--bogus']);
      expect(result.status).to.equal(2);
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.match(new RegExp(`^${command}: unknown option '--bogus'`));
    });

    it(`${command}: --version prints node_exporter's layout: version, branch, revision, build user and date, node`, () => {
      const version = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
      const result = runBin(command, ['--version']);
      expect(result.status).to.equal(0);
      expect(result.stderr).to.equal('');
      const lines = result.stdout.replace(/\n$/, '').split('\n');
      expect(lines[0]).to.match(
        new RegExp(`^${command}, version ${version.replace(/\./g, '\\.')} \\(branch: [^,]+, revision: ([0-9a-f]{40}|unknown)\\)$`),
      );
      expect(lines[1]).to.match(/^ {2}build user: +\S+$/);
      expect(lines[2]).to.match(/^ {2}build date: +(\d{8}-\d\d:\d\d:\d\d|unknown)$/);
      expect(lines[3]).to.equal(`  node version:     ${process.version}`);
    });

    it(`${command}: a file it may not read gives no records, a note on stderr and exit 0`, function () {
      const problem = unprivilegedProblem();
      if (problem !== undefined) {
        console.log(`      skipped: ${problem}`);
        this.skip();
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-denied-'));
      try {
        fs.chmodSync(dir, 0o755);
        const file = path.join(dir, 'slabinfo');
        fs.writeFileSync(file, fixture('proc/slabinfo'));
        fs.chmodSync(file, 0o000);
        const result = runBinUnprivileged(command, [file]);
        expect(result.status, result.stderr).to.equal(0);
        expect(result.stderr).to.equal(`${command}: ${file}: could not be read (permission denied): no records\n`);
        const expected = {
          proc2json: `${JSON.stringify({ source: file, handler: 'slabinfo', records: [] }, null, 2)}\n`,
          proc2csv: '',
          'show-proc-fields': `${file} (handler slabinfo, 0 records)\n`,
        };
        expect(result.stdout).to.equal(expected[command as keyof typeof expected]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`${command}: --help exits 0 and names the options`, () => {
      const result = runBin(command, ['--help']);
      expect(result.status).to.equal(0);
      expect(result.stdout).to.include('--as <name>');
      expect(result.stdout).to.include('--list');
    });
  }
});

describe('commands on files that block or never end', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'commands-special-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Like runBin, but a command that hangs is killed (status null) instead of hanging the suite. */
  function runBounded(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', `${command}.js`), ...args], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  for (const command of ['proc2json', 'proc2csv', 'show-proc-fields']) {
    it(`${command} /dev/zero --as meminfo: one line, exit 2 (no endless read)`, () => {
      const result = runBounded(command, ['/dev/zero', '--as', 'meminfo']);
      expect(result).to.deep.equal({
        status: 2,
        stdout: '',
        stderr: `${command}: /dev/zero: a character device, not a regular file (refused: reading it could block or never end)\n`,
      });
    });

    it(`${command} on a FIFO: one line, exit 2 (no hang)`, () => {
      const fifo = path.join(tmp, `${command}-meminfo`);
      expect(spawnSync('mkfifo', [fifo]).status, 'mkfifo').to.equal(0);
      const result = runBounded(command, [fifo]);
      expect(result).to.deep.equal({
        status: 2,
        stdout: '',
        stderr: `${command}: ${fifo}: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)\n`,
      });
    });
  }

  it('a copy of another file named stat is not read as /proc/stat; a file of another /proc directory names no handler', () => {
    const block = path.join(tmp, 'sys', 'block', 'sda', 'stat');
    fs.mkdirSync(path.dirname(block), { recursive: true });
    fs.writeFileSync(block, '     338        0    21282      123        0        0        0        0        0      180      123\n');
    expect(runBounded('proc2json', [block])).to.deep.equal({
      status: 2,
      stdout: '',
      stderr: `proc2json: ${block}:1: expected the all-CPU "cpu" line first (as /proc/stat starts): "     338        0    21282      123        0        0        0        0        0      180      123"\n`,
    });
    const xfs = path.join(tmp, 'proc', 'fs', 'xfs', 'stat');
    fs.mkdirSync(path.dirname(xfs), { recursive: true });
    fs.writeFileSync(xfs, 'extent_alloc 4 32 2 32\n');
    const result = runBounded('proc2json', [xfs]);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.equal(`proc2json: ${xfs}: no handler recognises this file name (use --as NAME; --list shows the names)\n`);
  });
});

describe('commands: strict by default, --keep-going past bad records', () => {
  let tmp: string;
  let meminfo: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'commands-keep-going-'));
    meminfo = path.join(tmp, 'meminfo');
    fs.writeFileSync(
      meminfo,
      fixture('proc/meminfo')
        .replace('Cached:            42848 kB', 'Cached:            lots kB')
        .replace('Active:', 'Active: x kB\nActive:'),
    );
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const command of ['proc2json', 'proc2csv', 'show-proc-fields']) {
    it(`${command}: the first bad line fails the file (exit 2, file:line)`, () => {
      const result = runBin(command, [meminfo]);
      expect(result.status).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(
        `${command}: ${meminfo}:5: Cached is not an unsigned integer ("lots"): "Cached:            lots kB"\n`,
      );
    });

    it(`${command} --keep-going: the good records on stdout, each rejected line on stderr, exit 1`, () => {
      const result = runBin(command, [meminfo, '--keep-going']);
      expect(result.status).to.equal(1);
      expect(result.stderr.split('\n')).to.deep.equal([
        `${command}: ${meminfo}:5: Cached is not an unsigned integer ("lots"): "Cached:            lots kB"`,
        `${command}: ${meminfo}:7: Active is not an unsigned integer ("x"): "Active: x kB"`,
        '',
      ]);
      expect(result.stdout).to.include('MemTotal');
      expect(result.stdout).to.include('DirectMap1G');
      expect(result.stdout).to.not.include('lots');
    });
  }

  it('proc2json --keep-going: exactly the records of the good lines', () => {
    const result = runBin('proc2json', [meminfo, '--keep-going', '--compact']);
    const records = JSON.parse(result.stdout).records as { name: string }[];
    expect(records).to.have.length(53);
    expect(records.map((r) => r.name)).to.not.include('Cached');
    expect(records.map((r) => r.name).slice(0, 5)).to.deep.equal(['MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'SwapCached']);
  });

  it('--keep-going on a file that cannot lose a line (loadavg: one record) fails as without it', () => {
    const result = runBin('proc2json', ['-', '--as', 'loadavg', '--keep-going'], '0.55 x 0.34 1/578 21870\n');
    expect(result).to.deep.equal({
      status: 2,
      stdout: '',
      stderr: 'proc2json: -:1: load5 is not a number ("x"): "0.55 x 0.34 1/578 21870"\n',
    });
  });

  it('--help names --keep-going', () => {
    expect(runBin('proc2csv', ['--help']).stdout).to.include('--keep-going');
  });
});
