/**
 * The one module that touches the filesystem. Everything else gets text.
 *
 * /proc files report a size of 0 (or 4096) whatever their length, so files are
 * read in a loop until read() returns 0 rather than trusting fstat — Node's
 * readFileSync stops at a non-zero stat size and would cut such a file short.
 * The first read asks for a large buffer because seq_file produces a
 * consistent snapshot per read call.
 */
import * as fs from 'fs';
import * as path from 'path';

const FIRST_READ = 256 * 1024;
const scratch = Buffer.allocUnsafe(FIRST_READ);
/** First buffers of readTextAsync, reused (one per read in flight, at most ASYNC_POOL_LIMIT kept). */
const asyncPool: Buffer[] = [];
const ASYNC_POOL_LIMIT = 16;

/** Reads a whole file, however large, without trusting its stat size. */
export function readWholeFile(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    let bytes = fs.readSync(fd, scratch, 0, scratch.length, null);
    if (bytes < scratch.length) {
      // One read gave all of it, or the file ends here: the common case.
      const tail = Buffer.allocUnsafe(FIRST_READ);
      const more = bytes === 0 ? 0 : fs.readSync(fd, tail, 0, tail.length, null);
      if (more === 0) return scratch.toString('utf8', 0, bytes);
      const chunks = [Buffer.from(scratch.subarray(0, bytes)), Buffer.from(tail.subarray(0, more))];
      return readRest(fd, chunks);
    }
    return readRest(fd, [Buffer.from(scratch.subarray(0, bytes))]);
  } finally {
    fs.closeSync(fd);
  }
}

function readRest(fd: number, chunks: Buffer[]): string {
  for (;;) {
    const chunk = Buffer.allocUnsafe(FIRST_READ);
    const bytes = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (bytes === 0) break;
    chunks.push(bytes === chunk.length ? chunk : chunk.subarray(0, bytes));
  }
  return Buffer.concat(chunks).toString('utf8');
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
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}

/** A file outside any procfs root (configuration, certificates), whole, as bytes. */
export function readPlainFile(file: string): Buffer {
  return fs.readFileSync(file);
}

/** When a file outside any procfs root was last modified (the build date of `--version`); undefined when it is not there. */
export function fileModifiedTime(file: string): Date | undefined {
  try {
    return fs.statSync(file).mtime;
  } catch {
    return undefined;
  }
}

/** A read stopped because the file is larger than the caller allows. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(readonly file: string, readonly maxBytes: number) {
    super(`${file}: larger than ${maxBytes} bytes`);
  }
}

/** A read given up by its caller (who has stopped waiting for it). */
export class ReadAbandonedError extends Error {
  override readonly name = 'ReadAbandonedError';
  constructor(readonly file: string) {
    super(`${file}: read abandoned`);
  }
}

/** Bounds of one asynchronous read. */
export interface ReadLimits {
  /** Fail with FileTooLargeError past this many bytes. */
  maxBytes?: number;
  /** Checked before each read call: true stops the read with ReadAbandonedError. */
  abandoned?: () => boolean;
}

/**
 * A procfs tree: the live /proc or a copy (a fixture tree behaves exactly like
 * /proc). Paths given to it are relative to its root and never leave it: `..`
 * segments and absolute paths are refused before anything is opened.
 */
export class ProcFs {
  readonly root: string;

  constructor(root = '/proc') {
    this.root = path.resolve(root);
  }

  /** Absolute path of `relative` inside the root; throws on a path that would leave it. */
  resolve(relative: string): string {
    if (relative.includes('\0')) throw new Error(`invalid path ${JSON.stringify(relative)}`);
    const segments = relative.split('/');
    if (relative.startsWith('/') || segments.some((s) => s === '..' || s === '.')) {
      throw new Error(`path ${JSON.stringify(relative)} leaves the procfs root`);
    }
    return path.join(this.root, relative);
  }

  readText(relative: string): string {
    return readWholeFile(this.resolve(relative));
  }

  readLink(relative: string): string {
    return readLink(this.resolve(relative));
  }

  /**
   * Reads a file without blocking the event loop (the exporter's collectors):
   * the same read-until-0 loop as readWholeFile, on libuv's thread pool, so a
   * read that hangs can be timed out by the caller. Callback fs calls (cheaper
   * than FileHandle's), and the first buffer comes from a small pool: a cycle
   * allocates no 256 KiB buffers once the pool is warm.
   */
  readTextAsync(relative: string, limits: ReadLimits = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const file = this.resolve(relative);
      const maxBytes = limits.maxBytes ?? Infinity;
      fs.open(file, 'r', (openError, fd) => {
        if (openError) return reject(openError);
        const first = asyncPool.pop() ?? Buffer.allocUnsafe(FIRST_READ);
        const chunks: Buffer[] = [];
        let buffer = first;
        let filled = 0;
        const finish = (failure: unknown, text?: string): void => {
          fs.close(fd, (closeError) => {
            if (asyncPool.length < ASYNC_POOL_LIMIT) asyncPool.push(first);
            if (failure !== undefined) reject(failure);
            else if (closeError) reject(closeError);
            else resolve(text!);
          });
        };
        const step = (): void => {
          if (limits.abandoned?.()) return finish(new ReadAbandonedError(file));
          if (filled === buffer.length) {
            chunks.push(buffer);
            buffer = Buffer.allocUnsafe(FIRST_READ);
            filled = 0;
          }
          fs.read(fd, buffer, filled, buffer.length - filled, null, (readError, bytes) => {
            if (readError) return finish(readError);
            if (bytes > 0) {
              filled += bytes;
              if (chunks.length * FIRST_READ + filled > maxBytes) return finish(new FileTooLargeError(file, maxBytes));
              return step();
            }
            let text: string;
            try {
              text = chunks.length === 0 ? buffer.toString('utf8', 0, filled) : Buffer.concat([...chunks, buffer.subarray(0, filled)]).toString('utf8');
            } catch (error) {
              return finish(error);
            }
            finish(undefined, text);
          });
        };
        step();
      });
    });
  }

  /**
   * Absolute path of `relative` after following symbolic links, or undefined
   * when it does not exist or its real location is outside the root (a link
   * that leaves the tree). With `followLast` false the last segment itself is
   * not followed (for files read as links, whose target is the data).
   */
  realPathInside(relative: string, followLast = true): string | undefined {
    const full = this.resolve(relative);
    let rootReal: string;
    let real: string;
    try {
      rootReal = fs.realpathSync(this.root);
      real = followLast ? fs.realpathSync(full) : path.join(fs.realpathSync(path.dirname(full)), path.basename(full));
    } catch (error) {
      if (isGone(error) || isDenied(error)) return undefined;
      throw error;
    }
    const inside = real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
    return inside ? full : undefined;
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

  /** Directory entries; [] when the directory does not exist. */
  list(relative: string): string[] {
    try {
      return fs.readdirSync(this.resolve(relative));
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

/** Standard input, whole (the commands' `-`). */
export function readStandardInput(): string {
  return fs.readFileSync(0, 'utf8');
}
