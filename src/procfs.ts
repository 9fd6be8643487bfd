/**
 * The one module that touches the filesystem. Everything else gets text.
 *
 * /proc files report a size of 0 (or 4096) whatever their length, so files are
 * read in a loop until read() returns 0 rather than trusting fstat — Node's
 * readFileSync stops at a non-zero stat size and would cut such a file short.
 * The first read asks for a large buffer because seq_file produces a
 * consistent snapshot per read call.
 *
 * Every read is bounded, and the files of a procfs tree (ProcFs, and the
 * files the commands name) are opened with O_NONBLOCK and checked with fstat
 * on the opened descriptor: a FIFO, socket or device is refused before any
 * read (a FIFO's open or read can block a thread forever; /dev/zero never
 * ends). ProcFs also checks where the opened descriptor really is
 * (/proc/self/fd/N): a file reached through a symbolic link out of the root
 * is refused, and since the check is on the descriptor, swapping a link
 * between a check and the read cannot serve an outside file.
 */
import * as fs from 'fs';
import * as path from 'path';

const FIRST_READ = 256 * 1024;
const scratch = Buffer.allocUnsafe(FIRST_READ);
/** Where readDescriptor looks for more after a short first read (reused: the reads are synchronous). */
const scratchTail = Buffer.allocUnsafe(FIRST_READ);
/** First buffers of readTextAsync, reused (one per read in flight, at most ASYNC_POOL_LIMIT kept). */
const asyncPool: Buffer[] = [];
const ASYNC_POOL_LIMIT = 16;
/** Buffers of readAttributeAsync (kept: at most ATTRIBUTE_POOL_LIMIT): sysfs attributes are a few bytes. */
const ATTRIBUTE_READ = 8 * 1024;
const ATTRIBUTE_POOL_LIMIT = 128;
const attributePool: Buffer[] = [];

/** Default bound of a ProcFs read (the exporter's collectors): far above any /proc file a collector reads, far below the heap. */
export const MAX_PROCFS_READ_BYTES = 32 * 1024 * 1024;
/** Bound of a file named on a command line, a configuration file or standard input. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Never blocks in open() (a FIFO without a writer) nor in read() (a FIFO, /proc/kmsg); ignored by regular files. */
const OPEN_NONBLOCKING = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/** A read stopped because the file is larger than the caller allows. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly file: string,
    readonly maxBytes: number,
  ) {
    super(`${file}: larger than ${maxBytes} bytes`);
  }
}

/** A FIFO, socket or device where a file was expected: never read, since its read could block forever or never end. */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';
  constructor(
    readonly file: string,
    readonly kind: string,
  ) {
    super(`${file}: ${kind}, not a regular file (refused: reading it could block or never end)`);
  }
}

/** A file of a procfs tree whose real location (after symbolic links) is outside the tree's root. */
export class OutsideRootError extends Error {
  override readonly name = 'OutsideRootError';
  constructor(
    readonly file: string,
    readonly root: string,
  ) {
    super(`${file}: leads out of the procfs root ${root} (a symbolic link to an outside file)`);
  }
}

/** The kind of a file that is neither regular nor a directory, in words; undefined for a regular file. */
function specialKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** The error for an opened descriptor that is not a regular file, or undefined. Directories fail as read() would (EISDIR). */
function refusal(file: string, stat: fs.Stats): Error | undefined {
  if (stat.isDirectory()) return Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), { code: 'EISDIR' });
  const kind = specialKind(stat);
  return kind === undefined ? undefined : new NotRegularFileError(file, kind);
}

/** Reads an open descriptor to its end (however large its stat size says it is), failing past `maxBytes`. */
function readDescriptor(fd: number, file: string, maxBytes: number): string {
  const bytes = fs.readSync(fd, scratch, 0, scratch.length, null);
  if (bytes < scratch.length) {
    // One read gave all of it, or the file ends here: the common case, which allocates no buffer.
    const more = bytes === 0 ? 0 : fs.readSync(fd, scratchTail, 0, scratchTail.length, null);
    if (more === 0) {
      if (bytes > maxBytes) throw new FileTooLargeError(file, maxBytes);
      return scratch.toString('utf8', 0, bytes);
    }
    const first = [Buffer.from(scratch.subarray(0, bytes)), Buffer.from(scratchTail.subarray(0, more))];
    return readRest(fd, file, maxBytes, first, bytes + more);
  }
  return readRest(fd, file, maxBytes, [Buffer.from(scratch.subarray(0, bytes))], bytes);
}

function readRest(fd: number, file: string, maxBytes: number, chunks: Buffer[], total: number): string {
  for (;;) {
    if (total > maxBytes) throw new FileTooLargeError(file, maxBytes);
    const chunk = Buffer.allocUnsafe(FIRST_READ);
    const bytes = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (bytes === 0) break;
    total += bytes;
    chunks.push(bytes === chunk.length ? chunk : chunk.subarray(0, bytes));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function withDescriptor<T>(fd: number, use: (fd: number) => T): T {
  try {
    return use(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a whole file of any kind (configuration, certificates: `/dev/null`
 * and a shell's `<(…)` pipe work), however large its stat size says it is,
 * up to `maxBytes`.
 */
export function readWholeFile(file: string, maxBytes = MAX_FILE_BYTES): string {
  return withDescriptor(fs.openSync(file, 'r'), (fd) => readDescriptor(fd, file, maxBytes));
}

/**
 * Reads a /proc file or a saved copy named by the user (the commands): opened
 * without blocking, refused unless a regular file, bounded by `maxBytes`.
 */
export function readProcFile(file: string, maxBytes = MAX_FILE_BYTES): string {
  return withDescriptor(fs.openSync(file, OPEN_NONBLOCKING), (fd) => {
    const refused = refusal(file, fs.fstatSync(fd));
    if (refused) throw refused;
    return readDescriptor(fd, file, maxBytes);
  });
}

export function readLink(file: string): string {
  return fs.readlinkSync(file);
}

/** Error codes that mean "not there (any more)": the file, or its process, vanished. */
export function isGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ESRCH' || code === 'ENOTDIR';
}

export function isDenied(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/**
 * Read failures of a file that is there but has nothing to show: denied
 * (root-only files, another user's process), ESRCH (a kernel thread's
 * environ or smaps_rollup), EINVAL (attr/* without a security module). The
 * commands and /dump give an empty record list for these, as PyProc does.
 */
export function isNothingToShow(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return isDenied(error) || code === 'ESRCH' || code === 'EINVAL';
}

/** A read failure in words, for one-line messages (`no such file`, `permission denied`, …). */
export function describeReadError(error: unknown): string {
  if (error instanceof NotRegularFileError) return `${error.kind}, not a regular file (refused: reading it could block or never end)`;
  if (error instanceof FileTooLargeError) return `larger than ${error.maxBytes} bytes (refused)`;
  if (error instanceof OutsideRootError) return `leads out of the procfs root ${error.root}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENXIO') return 'a socket or a device without a driver, not a regular file';
  return (error as Error).message;
}

/** A file outside any procfs root (configuration, certificates), whole, as bytes, up to MAX_FILE_BYTES. */
export function readPlainFile(file: string): Buffer {
  return withDescriptor(fs.openSync(file, 'r'), (fd) => {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(FIRST_READ);
      const bytes = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (bytes === 0) return Buffer.concat(chunks);
      total += bytes;
      if (total > MAX_FILE_BYTES) throw new FileTooLargeError(file, MAX_FILE_BYTES);
      chunks.push(chunk.subarray(0, bytes));
    }
  });
}

/** When a file outside any procfs root was last modified (the build date of `--version`); undefined when it is not there. */
export function fileModifiedTime(file: string): Date | undefined {
  try {
    return fs.statSync(file).mtime;
  } catch {
    return undefined;
  }
}

/** A read given up by its caller (who has stopped waiting for it). */
export class ReadAbandonedError extends Error {
  override readonly name = 'ReadAbandonedError';
  constructor(readonly file: string) {
    super(`${file}: read abandoned`);
  }
}

/** Bounds of one read. */
export interface ReadLimits {
  /** Fail with FileTooLargeError past this many bytes (default: the ProcFs's own bound). */
  maxBytes?: number;
  /** Checked before each read call: true stops the read with ReadAbandonedError. */
  abandoned?: () => boolean;
}

/** Reads of ProcFs files waiting on libuv's thread pool (an open, fstat, readlink, read or close not yet returned). */
let pendingOperations = 0;

/**
 * How many asynchronous procfs reads are still waiting on the thread pool.
 * process.exit() joins the pool's threads, so it would never return while a
 * read is blocked in the kernel: a shutdown checks this first.
 */
export function pendingReads(): number {
  return pendingOperations;
}

/** One pooled fs call, counted in pendingReads() until its callback runs. */
function pooled<T>(
  start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void,
  then: (error: NodeJS.ErrnoException | null, value: T) => void,
): void {
  pendingOperations++;
  start((error, value) => {
    pendingOperations--;
    then(error, value);
  });
}

/**
 * At most this many files open at once for asynchronous reads: a cycle's collectors (netclass's
 * sysfs attributes, filesystem's mount tables, every /proc file) share it, so they stay inside the
 * descriptors the server keeps in reserve below the open-files limit (server.ts) however many
 * clients hold connections, instead of failing with EMFILE.
 */
export const MAX_OPEN_READS = 32;
let openReads = 0;
const waitingForDescriptor: (() => void)[] = [];

/** Runs `read` once a descriptor slot is free; `read` calls `release` exactly once, after its close. */
function withReadSlot(read: (release: () => void) => void): void {
  const start = (): void => {
    openReads++;
    let released = false;
    read(() => {
      if (released) return;
      released = true;
      openReads--;
      waitingForDescriptor.shift()?.();
    });
  };
  if (openReads < MAX_OPEN_READS) start();
  else waitingForDescriptor.push(start);
}

/** statfs's f_type of the kernel's procfs and sysfs (linux/magic.h). */
const PROC_SUPER_MAGIC = 0x9fa0;
const SYSFS_MAGIC = 0x62656572;

export interface ProcFsOptions {
  /** Bound of every read, in bytes (FileTooLargeError beyond); MAX_PROCFS_READ_BYTES by default. */
  maxBytes?: number;
}

/**
 * A procfs tree: the live /proc or a copy (a fixture tree behaves exactly like
 * /proc). Paths given to it are relative to its root and never leave it: `..`
 * segments and absolute paths are refused before anything is opened, and a
 * file whose opened descriptor is outside the root (reached through a link
 * out of the tree) is refused before it is read. Links inside the tree
 * (`net` → `self/net`, `self` → a pid directory) work as in /proc.
 */
export class ProcFs {
  readonly root: string;
  readonly maxBytes: number;
  private rootRealPath: string | undefined;
  private kernelFilesystem: boolean | undefined;

  constructor(root = '/proc', options: ProcFsOptions = {}) {
    this.root = path.resolve(root);
    this.maxBytes = options.maxBytes ?? MAX_PROCFS_READ_BYTES;
  }

  /** Absolute path of `relative` inside the root; throws on a path that would leave it. */
  resolve(relative: string): string {
    if (relative.includes('\0')) throw new Error(`invalid path ${JSON.stringify(relative)}`);
    const segments = relative.split('/');
    if (relative.startsWith('/') || segments.some((s) => s === '..' || s === '.')) {
      throw new Error(`path ${JSON.stringify(relative)} leaves the procfs root`);
    }
    // Without empty segments the joined path is already normal: a concatenation, not path.join's
    // normalizing pass, which was a sixth of netclass's CPU per run under the interpreter.
    if (!segments.includes('')) return this.root === '/' ? `/${relative}` : `${this.root}/${relative}`;
    return path.join(this.root, relative);
  }

  /** The root after symbolic links (computed once). */
  private realRoot(): string {
    return (this.rootRealPath ??= fs.realpathSync(this.root));
  }

  private isInside(real: string): boolean {
    const root = this.realRoot();
    return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  }

  /**
   * Why the opened descriptor `fd` of `file` may not be read, or undefined:
   * not a regular file, or really outside the root. `opened` is what
   * /proc/self/fd/N names (undefined when this process has no /proc: then the
   * real path of the name, which must still be the opened file).
   */
  private check(file: string, fd: number, stat: fs.Stats, opened: string | undefined): Error | undefined {
    const refused = refusal(file, stat);
    if (refused) return refused;
    let real = opened;
    if (real === undefined) {
      try {
        real = fs.realpathSync(file);
        const named = fs.statSync(real);
        if (named.dev !== stat.dev || named.ino !== stat.ino) return new OutsideRootError(file, this.root);
      } catch (error) {
        return error as Error;
      }
    }
    return this.isInside(real) ? undefined : new OutsideRootError(file, this.root);
  }

  /** Opens a file of the tree for reading: without blocking, refused unless a regular file inside the root. */
  private openSync(relative: string): { fd: number; file: string } {
    const file = this.resolve(relative);
    const fd = fs.openSync(file, OPEN_NONBLOCKING);
    try {
      let opened: string | undefined;
      try {
        opened = fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        opened = undefined;
      }
      const problem = this.check(file, fd, fs.fstatSync(fd), opened);
      if (problem) throw problem;
      return { fd, file };
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  readText(relative: string, limits: Pick<ReadLimits, 'maxBytes'> = {}): string {
    const { fd, file } = this.openSync(relative);
    return withDescriptor(fd, () => readDescriptor(fd, file, limits.maxBytes ?? this.maxBytes));
  }

  /** The target of a link of the tree (its data, not followed), when the directory holding it is inside the root. */
  readLink(relative: string): string {
    const file = this.resolve(relative);
    const dir = path.dirname(file);
    if (!this.isInside(fs.realpathSync(dir))) throw new OutsideRootError(file, this.root);
    return readLink(file);
  }

  /**
   * Reads a file for a collector. On the kernel's procfs or sysfs (isKernelFilesystem) in place,
   * as node_exporter reads them: the kernel prints the file on read, in microseconds, while a read
   * on libuv's pool costs three to six round trips. On any other tree (a copy, a fixture, the root
   * filesystem) through the pool, where a read that never returns can be timed out and does not
   * hold up a SIGTERM. `attribute`: a sysfs attribute, which one read() returns whole
   * (readAttributeAsync on the pool).
   */
  readForCollector(relative: string, kind: 'file' | 'attribute' = 'file'): Promise<string> {
    if (!this.isKernelFilesystem()) return kind === 'attribute' ? this.readAttributeAsync(relative) : this.readTextAsync(relative);
    try {
      return Promise.resolve(this.readText(relative));
    } catch (error) {
      // The synchronous read's own error, re-raised as it came (ENOENT, EINVAL, a refusal).
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
  }

  /**
   * Reads a small file that one read() returns whole, without blocking the event loop: a sysfs
   * attribute (sysfs_emit writes at most a page, all of it handed over by the first read). Three
   * calls on libuv's pool (open, one pread, close) instead of readTextAsync's four, into a small
   * pooled buffer; a file that fills the buffer is read again with readTextAsync, so nothing is
   * ever cut short.
   */
  readAttributeAsync(relative: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const file = this.resolve(relative);
      withReadSlot((release) =>
        fs.open(file, 'r', (openError, fd) => {
          if (openError) {
            release();
            return reject(openError);
          }
          const buffer = attributePool.pop() ?? Buffer.allocUnsafe(ATTRIBUTE_READ);
          fs.read(fd, buffer, 0, buffer.length, 0, (readError, bytes) => {
            const text = readError || bytes === buffer.length ? undefined : buffer.toString('utf8', 0, bytes);
            if (attributePool.length < ATTRIBUTE_POOL_LIMIT) attributePool.push(buffer);
            fs.close(fd, (closeError) => {
              release();
              if (readError) reject(readError);
              else if (text === undefined) this.readTextAsync(relative).then(resolve, reject);
              else if (closeError) reject(closeError);
              else resolve(text);
            });
          });
        }),
      );
    });
  }

  /**
   * Reads a file without blocking the event loop (the exporter's collectors):
   * the same read-until-0 loop as readText, on libuv's thread pool, so a read
   * that hangs can be timed out by the caller (and the descriptor checks of
   * readText, on the pool too). Callback fs calls (cheaper than FileHandle's),
   * and the first buffer comes from a small pool: a cycle allocates no
   * 256 KiB buffers once the pool is warm.
   */
  readTextAsync(relative: string, limits: ReadLimits = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const file = this.resolve(relative);
      const maxBytes = limits.maxBytes ?? this.maxBytes;
      withReadSlot((release) =>
        pooled<number>(
          (done) => fs.open(file, OPEN_NONBLOCKING, done),
          (openError, fd) => {
            if (openError) {
              release();
              return reject(openError);
            }
            const first = asyncPool.pop() ?? Buffer.allocUnsafe(FIRST_READ);
            const chunks: Buffer[] = [];
            let buffer = first;
            let filled = 0;
            const finish = (failure: unknown, text?: string): void => {
              pooled<void>(
                (done) => fs.close(fd, (error) => done(error, undefined)),
                (closeError) => {
                  release();
                  if (asyncPool.length < ASYNC_POOL_LIMIT) asyncPool.push(first);
                  // The read's own error, re-raised as it came.
                  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
                  if (failure !== undefined) reject(failure);
                  else if (closeError) reject(closeError);
                  else resolve(text!);
                },
              );
            };
            const step = (): void => {
              if (limits.abandoned?.()) return finish(new ReadAbandonedError(file));
              if (filled === buffer.length) {
                chunks.push(buffer);
                buffer = Buffer.allocUnsafe(FIRST_READ);
                filled = 0;
              }
              pooled<number>(
                (done) => fs.read(fd, buffer, filled, buffer.length - filled, null, (error, bytes) => done(error, bytes)),
                (readError, bytes) => {
                  if (readError) return finish(readError);
                  if (bytes > 0) {
                    filled += bytes;
                    if (chunks.length * FIRST_READ + filled > maxBytes) return finish(new FileTooLargeError(file, maxBytes));
                    return step();
                  }
                  let text: string;
                  try {
                    text =
                      chunks.length === 0
                        ? buffer.toString('utf8', 0, filled)
                        : Buffer.concat([...chunks, buffer.subarray(0, filled)]).toString('utf8');
                  } catch (error) {
                    return finish(error);
                  }
                  finish(undefined, text);
                },
              );
            };
            pooled<fs.Stats>(
              (done) => fs.fstat(fd, done),
              (statError, stat) => {
                if (statError) return finish(statError);
                pooled<string | undefined>(
                  (done) => fs.readlink(`/proc/self/fd/${fd}`, (error, target) => done(null, error ? undefined : target)),
                  (_, opened) => {
                    let problem: Error | undefined;
                    try {
                      problem = this.check(file, fd, stat, opened);
                    } catch (error) {
                      problem = error as Error;
                    }
                    if (problem) return finish(problem);
                    step();
                  },
                );
              },
            );
          },
        ),
      );
    });
  }

  /**
   * Absolute path of `relative` after following symbolic links, or undefined
   * when it does not exist or its real location is outside the root (a link
   * that leaves the tree). With `followLast` false the last segment itself is
   * not followed (for files read as links, whose target is the data). An
   * early answer for a clear message: the reads check the opened file again.
   */
  realPathInside(relative: string, followLast = true): string | undefined {
    const full = this.resolve(relative);
    let real: string;
    try {
      real = followLast ? fs.realpathSync(full) : path.join(fs.realpathSync(path.dirname(full)), path.basename(full));
      return this.isInside(real) ? full : undefined;
    } catch (error) {
      if (isGone(error) || isDenied(error)) return undefined;
      throw error;
    }
  }

  /** One line naming what is wrong with the root, or undefined when it is a directory that can be listed. */
  problem(): string | undefined {
    try {
      if (!fs.statSync(this.root).isDirectory()) return `procfs root ${this.root}: not a directory`;
      fs.readdirSync(this.root);
      return undefined;
    } catch (error) {
      if (isGone(error)) return `procfs root ${this.root}: no such directory`;
      return `procfs root ${this.root}: ${describeReadError(error)}`;
    }
  }

  /** Whether `<root>/<pid>` is the reading process itself (only ever true when the root is the live /proc). */
  isOwnProcess(pid: string): boolean {
    try {
      return fs.realpathSync(this.resolve(pid)) === fs.realpathSync('/proc/self');
    } catch {
      return false;
    }
  }

  /**
   * Whether the root is the kernel's procfs or sysfs (statfs type
   * PROC_SUPER_MAGIC or SYSFS_MAGIC: the live /proc or /sys, or a container's
   * bind mount of them) rather than a copy on another filesystem, whose files
   * the kernel prints on read and which are read synchronously; computed once.
   */
  isKernelFilesystem(): boolean {
    if (this.kernelFilesystem === undefined) {
      try {
        const type = fs.statfsSync(this.root).type;
        this.kernelFilesystem = type === PROC_SUPER_MAGIC || type === SYSFS_MAGIC;
      } catch {
        this.kernelFilesystem = false;
      }
    }
    return this.kernelFilesystem;
  }

  /** Whether the root exists and is a directory. */
  isDirectory(relative = ''): boolean {
    try {
      return fs.statSync(relative === '' ? this.root : this.resolve(relative)).isDirectory();
    } catch {
      return false;
    }
  }

  exists(relative: string): boolean {
    return fs.existsSync(this.resolve(relative));
  }

  /** Directory entries; [] when the directory does not exist. A directory really outside the root is refused. */
  list(relative: string): string[] {
    const dir = this.resolve(relative);
    try {
      if (!this.isInside(fs.realpathSync(dir))) throw new OutsideRootError(dir, this.root);
      return fs.readdirSync(dir);
    } catch (error) {
      if (isGone(error)) return [];
      throw error;
    }
  }

  /** Process ids present under the root, ascending. */
  pids(): number[] {
    const pids: number[] = [];
    for (const entry of fs.readdirSync(this.root)) {
      if (/^\d+$/.test(entry)) pids.push(Number(entry));
    }
    return pids.sort((a, b) => a - b);
  }
}

/** One file of a directory read by readDirectoryFiles: its bytes and mtime, or why it could not be read. */
export interface DirectoryFile {
  /** Full path (the directory joined with the name). */
  path: string;
  /** The file's bytes; decoding is the caller's (the textfile collector checks UTF-8 line by line). */
  bytes?: Buffer;
  /** Modification time, whole seconds since the epoch. */
  mtimeSeconds?: number;
  error?: string;
}

/**
 * The files of a directory OUTSIDE the procfs root whose names end in `suffix`
 * (the textfile collector's *.prom files), sorted by name, read without
 * blocking the event loop, one after the other (a directory of thousands of
 * files never takes thousands of descriptors). Rejects when the directory
 * cannot be listed, and with FileTooLargeError when a file holds more than
 * `maxBytes`. Only regular files are read: each is opened non-blocking and
 * checked with fstat first, so a FIFO, a device or a socket is an error
 * (`not a regular file`), never a thread blocked in open() or an endless read;
 * any other file that cannot be read is returned with `error`.
 */
export async function readDirectoryFiles(dir: string, suffix: string, maxBytes = Infinity): Promise<DirectoryFile[]> {
  const names = (await fs.promises.readdir(dir)).filter((n) => n.endsWith(suffix)).sort();
  const files: DirectoryFile[] = [];
  for (const name of names) files.push(await readRegularFile(path.join(dir, name), maxBytes));
  return files;
}

async function readRegularFile(file: string, maxBytes: number): Promise<DirectoryFile> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) return { path: file, error: `${file}: not a regular file` };
    if (stat.size > maxBytes) throw new FileTooLargeError(file, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One read for the whole file in the usual case; the loop is for a file that grows meanwhile.
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(stat.size + 1, maxBytes + 1)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileTooLargeError(file, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { path: file, bytes: Buffer.concat(chunks, total), mtimeSeconds: Math.floor(stat.mtimeMs / 1000) };
  } catch (error) {
    if (error instanceof FileTooLargeError) throw error;
    return { path: file, error: (error as Error).message };
  } finally {
    await handle?.close();
  }
}

export function pathExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Whether a directory entry exists, without following it (a link whose target is gone still exists). */
export function entryExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Standard input, whole (the commands' `-`), up to MAX_FILE_BYTES. */
export function readStandardInput(): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(FIRST_READ);
    const bytes = fs.readSync(0, chunk, 0, chunk.length, null);
    if (bytes === 0) return Buffer.concat(chunks).toString('utf8');
    total += bytes;
    if (total > MAX_FILE_BYTES) throw new FileTooLargeError('-', MAX_FILE_BYTES);
    chunks.push(chunk.subarray(0, bytes));
  }
}
