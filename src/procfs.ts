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
   * read that hangs can be timed out by the caller.
   */
  async readTextAsync(relative: string): Promise<string> {
    const handle = await fs.promises.open(this.resolve(relative), 'r');
    try {
      const chunks: Buffer[] = [];
      for (;;) {
        const chunk = Buffer.allocUnsafe(FIRST_READ);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      }
      return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
    } finally {
      await handle.close();
    }
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

export function pathExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Standard input, whole (the commands' `-`). */
export function readStandardInput(): string {
  return fs.readFileSync(0, 'utf8');
}
