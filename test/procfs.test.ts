/**
 * The read path (src/procfs.ts) on crafted trees: FIFOs and devices are
 * refused before any read, every read is bounded, and a file reached through
 * a symbolic link out of the root is refused on the opened descriptor (so a
 * link swapped after a check cannot serve an outside file), while the links
 * /proc itself has inside the tree keep working.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  FileTooLargeError,
  MAX_PROCFS_READ_BYTES,
  NotRegularFileError,
  OutsideRootError,
  pendingReads,
  ProcFs,
  readProcFile,
} from '../src/procfs';

const SECRET = 'SECRET-outside-the-root';

describe('procfs: special files, sizes and links', () => {
  let tmp: string;
  let root: string;
  let procfs: ProcFs;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'procfs-read-'));
    root = path.join(tmp, 'proc');
    fs.mkdirSync(path.join(root, '4242', 'net'), { recursive: true });
    fs.writeFileSync(path.join(root, 'meminfo'), 'MemTotal:       24683656 kB\n');
    fs.writeFileSync(path.join(root, '4242', 'net', 'dev'), 'Inter-|   Receive\n face |bytes\n');
    fs.writeFileSync(path.join(root, '4242', 'mounts'), 'proc /proc proc rw 0 0\n');
    // The links /proc has inside itself: self → a pid directory, net → self/net, mounts → self/mounts (absolute here).
    fs.symlinkSync('4242', path.join(root, 'self'));
    fs.symlinkSync('self/net', path.join(root, 'net'));
    fs.symlinkSync(path.join(root, 'self', 'mounts'), path.join(root, 'mounts'));
    fs.writeFileSync(path.join(tmp, 'secret'), `9.99 9.99 9.99 1/1 1 ${SECRET}\n`);
    fs.symlinkSync(path.join(tmp, 'secret'), path.join(root, 'loadavg'));
    fs.symlinkSync('../secret', path.join(root, 'uptime'));
    fs.mkdirSync(path.join(tmp, 'outside-dir'));
    fs.writeFileSync(path.join(tmp, 'outside-dir', 'arp_cache'), SECRET);
    fs.mkdirSync(path.join(root, 'net-outside'));
    fs.symlinkSync(path.join(tmp, 'outside-dir'), path.join(root, 'net-outside', 'stat'));
    fs.symlinkSync('/dev/zero', path.join(root, 'vmstat'));
    expect(spawnSync('mkfifo', [path.join(root, 'stat')]).status, 'mkfifo').to.equal(0);
    fs.writeFileSync(path.join(root, 'big'), 'x'.repeat(5000));
    procfs = new ProcFs(root);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a FIFO at once, synchronously and asynchronously, leaving no read pending', async () => {
    expect(() => procfs.readText('stat')).to.throw(NotRegularFileError, /stat: a FIFO \(named pipe\), not a regular file/);
    const failures = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() =>
        procfs.readTextAsync('stat').then(
          () => undefined,
          (e: Error) => e,
        ),
      ),
    );
    for (const failure of failures) expect(failure).to.be.instanceOf(NotRegularFileError);
    expect(pendingReads()).to.equal(0);
    // Six refused FIFO reads later the thread pool still serves reads.
    expect(await procfs.readTextAsync('meminfo')).to.equal('MemTotal:       24683656 kB\n');
  });

  it('refuses a character device (/dev/zero in place of vmstat) before reading it', async () => {
    expect(() => procfs.readText('vmstat')).to.throw(NotRegularFileError, /vmstat: a character device/);
    const failure = await procfs.readTextAsync('vmstat').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure).to.be.instanceOf(NotRegularFileError);
    expect(() => readProcFile('/dev/zero')).to.throw(NotRegularFileError, /^\/dev\/zero: a character device/);
  });

  it("bounds every read: the tree's default, and a smaller bound per ProcFs or per read", async () => {
    expect(procfs.maxBytes).to.equal(MAX_PROCFS_READ_BYTES);
    const small = new ProcFs(root, { maxBytes: 4096 });
    expect(() => small.readText('big')).to.throw(FileTooLargeError, /big: larger than 4096 bytes/);
    const failure = await small.readTextAsync('big').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure).to.be.instanceOf(FileTooLargeError);
    expect(await procfs.readTextAsync('big', { maxBytes: 5000 })).to.have.length(5000);
    expect(() => procfs.readText('big', { maxBytes: 4999 })).to.throw(FileTooLargeError);
    expect(() => readProcFile(path.join(root, 'big'), 100)).to.throw(FileTooLargeError, /larger than 100 bytes/);
  });

  it('refuses a file reached through a link out of the root, relative or absolute, and a listing through one', async () => {
    expect(() => procfs.readText('loadavg')).to.throw(OutsideRootError, /loadavg: leads out of the procfs root/);
    expect(() => procfs.readText('uptime')).to.throw(OutsideRootError);
    for (const name of ['loadavg', 'uptime', 'net-outside/stat/arp_cache']) {
      const failure = await procfs.readTextAsync(name).then(
        (text) => text,
        (e: Error) => e,
      );
      expect(failure, name).to.be.instanceOf(OutsideRootError);
    }
    expect(() => procfs.list('net-outside/stat')).to.throw(OutsideRootError);
  });

  it('follows the links /proc has inside the tree (self, net → self/net, an absolute link to a file of the tree)', async () => {
    expect(await procfs.readTextAsync('net/dev')).to.equal('Inter-|   Receive\n face |bytes\n');
    expect(procfs.readText('self/net/dev')).to.equal('Inter-|   Receive\n face |bytes\n');
    expect(await procfs.readTextAsync('mounts')).to.equal('proc /proc proc rw 0 0\n');
    expect(procfs.list('net')).to.deep.equal(['dev']);
    expect(procfs.readLink('self')).to.equal('4242');
  });

  it('checks the opened file, not the name checked before: a link swapped after the check is refused', async () => {
    const swap = path.join(root, 'swapped');
    fs.symlinkSync('meminfo', swap);
    expect(procfs.realPathInside('swapped')).to.equal(swap);
    fs.rmSync(swap);
    fs.symlinkSync(path.join(tmp, 'secret'), swap);
    const failure = await procfs.readTextAsync('swapped').then(
      (text) => text,
      (e: Error) => e,
    );
    expect(failure).to.be.instanceOf(OutsideRootError);
    expect(String(failure)).to.not.include(SECRET);
  });

  it('reads the live /proc through its own links (self, net)', async function () {
    if (!fs.existsSync('/proc/self/status')) this.skip();
    const live = new ProcFs('/proc');
    expect(await live.readTextAsync('self/status')).to.match(/^Name:/);
    expect(live.readText('net/dev')).to.match(/Inter-\|/);
  });
});
