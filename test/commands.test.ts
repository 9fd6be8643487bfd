/** The three commands, run as real child processes on fixtures. */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture, fixturePath, projectRoot, runBin } from './support/fixtures';

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

  it('proc2csv starts a new header when the columns change', () => {
    const result = runBin('proc2csv', [fixturePath('proc/net/sockstat')]);
    const blocks = result.stdout.trimEnd().split('\n\n');
    expect(blocks[0]).to.equal('protocol|values.used\nsockets|8');
    expect(blocks[1]).to.equal('protocol|values.inuse|values.orphan|values.tw|values.alloc|values.mem\nTCP|1|0|0|1|201');
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
    expect(kmsg.stderr).to.equal('proc2json: /nonexistent/kmsg: kernel log stream (reading blocks and consumes messages), not supported: use dmesg\n');
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
      expect(result.stderr).to.equal(`${command}: /tmp/tcp6-from-thursday: no handler recognises this file name (use --as NAME; --list shows the names)\n`);
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
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', `${command}.js`), ...args], { encoding: 'utf8', timeout: 20_000 });
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
      expect(result).to.deep.equal({ status: 2, stdout: '', stderr: `${command}: ${fifo}: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)\n` });
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
    fs.writeFileSync(meminfo, fixture('proc/meminfo').replace('Cached:            42848 kB', 'Cached:            lots kB').replace('Active:', 'Active: x kB\nActive:'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const command of ['proc2json', 'proc2csv', 'show-proc-fields']) {
    it(`${command}: the first bad line fails the file (exit 2, file:line)`, () => {
      const result = runBin(command, [meminfo]);
      expect(result.status).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(`${command}: ${meminfo}:5: Cached is not an unsigned integer ("lots"): "Cached:            lots kB"\n`);
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
    expect(result).to.deep.equal({ status: 2, stdout: '', stderr: 'proc2json: -:1: load5 is not a number ("x"): "0.55 x 0.34 1/578 21870"\n' });
  });

  it('--help names --keep-going', () => {
    expect(runBin('proc2csv', ['--help']).stdout).to.include('--keep-going');
  });
});

