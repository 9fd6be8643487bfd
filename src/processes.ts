/**
 * The process walker: every process (and optionally every thread) under a
 * procfs root, each with the records of a chosen set of per-process files.
 *
 *   for await (const p of walkProcesses({ files: ['pid/stat', 'pid/status'] })) {
 *     p.pid; p.files['pid/stat'];   // records of that file, as its handler returns them
 *   }
 *
 * Rules (the exporter's per-process collectors rely on them):
 * - Each file is read once (one open and a read-until-EOF loop, through
 *   ProcFs, the only module that touches the filesystem) and parsed by the
 *   handler its name designates.
 * - A process that exits between listing and reading — ENOENT/ESRCH on its
 *   directory or one of its files while its directory is gone — is skipped
 *   silently, whatever was already read of it.
 * - A file the process does not have while the process is alive (`exe` of a
 *   kernel thread, a file this kernel lacks, the mount files of an exiting
 *   task, which give EINVAL) is absent from `files`.
 * - EACCES/EPERM (another user's environ, io, stack, …) gives an empty record
 *   list for that file, as the commands do.
 * - A ParseError (or any other read error) in one file of one process goes to
 *   that process's `errors`; the walk goes on.
 * - Between processes the walker gives the event loop a turn whenever it has
 *   run for `yieldEveryMs` (default 5 ms), so an exporter's /metrics and
 *   health checks stay responsive during a walk of 10,000 processes.
 */
import { ParseError } from './errors';
import { handlerPattern, type Handler } from './handler';
import { isDenied, isGone, ProcFs } from './procfs';
import type { pidHandlers } from './parsers/pid/index';
import { getHandler } from './registry';

type PidTable = typeof pidHandlers;
/** Names of the registry's per-process handlers. */
export type PidFileName = Extract<keyof PidTable, string>;
/** The record list a per-process handler returns (object[] for a name the registry does not type). */
export type PidRecordsOf<K extends string> = K extends PidFileName ? ReturnType<PidTable[K]['parse']> : object[];
/** What `files` entries name: handler names keep their record types; a Handler object widens to string keys. */
export type FileKey<E> = E extends string ? E : string;

/** One process (or thread) and the records of each file read. */
export interface ProcessRecord<F extends string = string> {
  pid: number;
  /** Set for a thread (`<pid>/task/<tid>`), absent for the process itself. */
  tid?: number;
  /** Records per handler name; absent for a file this process does not have. */
  files: { [K in F]?: PidRecordsOf<K> };
  /** Files that could not be read or parsed, by handler name; absent when none. */
  errors?: { [K in F]?: ProcessFileError };
}

export interface ProcessFileError {
  /** The path read, relative to the procfs root (`123/stat`). */
  path: string;
  /** ParseError for malformed content, ReadError-like failures otherwise. */
  kind: 'parse' | 'read';
  message: string;
  error: Error;
}

export interface WalkOptions<E extends string | Handler<object> = string | Handler<object>> {
  /** Per-process handler names (`pid/stat`, `pid/status`, …) or handlers; each file is read once per process. */
  files: readonly E[];
  /** The procfs root (a ProcFs, or a directory path); default /proc. */
  procfs?: ProcFs | string;
  /** Also walk each process's threads (task/<tid>), after the process itself. */
  threads?: boolean;
  /** Only these pids (when they exist); default every numeric directory. */
  pids?: readonly number[];
  /** Give the event loop a turn after this many milliseconds of work; default 5. */
  yieldEveryMs?: number;
}

interface FileToRead {
  name: string;
  handler: Handler<object>;
  /** The file's path under a process directory (`stat`, `fd`, `ns/net`). */
  relative: string;
}

function resolveFiles(files: readonly (string | Handler<object>)[]): FileToRead[] {
  return files.map((entry) => {
    const handler = typeof entry === 'string' ? getHandler(entry) : entry;
    if (handler === undefined) throw new Error(`unknown handler ${JSON.stringify(entry)} (--list shows the names)`);
    if (!handler.name.startsWith('pid/')) throw new Error(`${handler.name} is not a per-process file (pid/…)`);
    if (handler.refuse !== undefined) throw new Error(`${handler.name}: ${handler.refuse}`);
    const pattern = handlerPattern(handler);
    if (!pattern.startsWith('<pid>/')) throw new Error(`${handler.name} is not read from a process directory (${pattern})`);
    const relative = pattern.slice('<pid>/'.length);
    if (relative.split('/').some((segment) => segment === '*' || segment === '<pid>')) {
      throw new Error(`${handler.name} is a folder of files; the walker reads single files`);
    }
    return { name: handler.name, handler, relative };
  });
}

/** Thrown inside the walker when the process directory has gone: the process is skipped. */
class Gone extends Error {}

function readOne(procfs: ProcFs, dir: string, file: FileToRead, record: ProcessRecord): void {
  const path = `${dir}/${file.relative}`;
  let text: string;
  try {
    text = file.handler.source === 'link' ? procfs.readLink(path) : procfs.readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') throw new Gone();
    // EINVAL: the mount files of an exiting task (no nsproxy any more): gone, or going.
    if (isGone(error) || (error as NodeJS.ErrnoException).code === 'EINVAL') {
      if (!procfs.exists(dir)) throw new Gone();
      return; // the process has no such file (now)
    }
    if (isDenied(error)) {
      (record.files as Record<string, object[]>)[file.name] = [];
      return;
    }
    addError(record, file.name, { path, kind: 'read', message: (error as Error).message, error: error as Error });
    return;
  }
  try {
    (record.files as Record<string, object[]>)[file.name] = file.handler.parse(text, `${procfs.root}/${path}`);
  } catch (error) {
    const kind = error instanceof ParseError ? 'parse' : 'read';
    addError(record, file.name, { path, kind, message: (error as Error).message, error: error as Error });
  }
}

function addError(record: ProcessRecord, name: string, error: ProcessFileError): void {
  ((record.errors ??= {}) as Record<string, ProcessFileError>)[name] = error;
}

/**
 * Reads the chosen files of one process (`tid` given: of one of its
 * threads). Undefined when the process has gone.
 */
export function readProcess<E extends string | Handler<object>>(
  procfs: ProcFs,
  pid: number,
  files: readonly E[],
  tid?: number,
): ProcessRecord<FileKey<E>> | undefined {
  return readResolved(procfs, pid, resolveFiles(files), tid);
}

function readResolved(procfs: ProcFs, pid: number, files: readonly FileToRead[], tid?: number): ProcessRecord | undefined {
  const dir = tid === undefined ? String(pid) : `${pid}/task/${tid}`;
  const record: ProcessRecord = tid === undefined ? { pid, files: {} } : { pid, tid, files: {} };
  try {
    for (const file of files) readOne(procfs, dir, file, record);
  } catch (error) {
    if (error instanceof Gone) return undefined;
    throw error;
  }
  return record;
}

/** The thread ids of a process, ascending; [] when it has gone. */
export function listThreads(procfs: ProcFs, pid: number): number[] {
  const tids: number[] = [];
  for (const entry of procfs.list(`${pid}/task`)) {
    if (isPid(entry)) tids.push(Number(entry));
  }
  return tids.sort((a, b) => a - b);
}

function isPid(entry: string): boolean {
  if (entry.length === 0) return false;
  for (let i = 0; i < entry.length; i++) {
    const c = entry.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Walks the processes (and threads) of a procfs root, yielding one record per
 * process that still exists, in pid order. Gives the event loop a turn every
 * `yieldEveryMs` milliseconds of work.
 */
export async function* walkProcesses<E extends string | Handler<object>>(
  options: WalkOptions<E>,
): AsyncGenerator<ProcessRecord<FileKey<E>>> {
  const procfs = options.procfs instanceof ProcFs ? options.procfs : new ProcFs(options.procfs ?? '/proc');
  const files = resolveFiles(options.files);
  const budget = options.yieldEveryMs ?? 5;
  const pids = options.pids !== undefined ? [...options.pids].sort((a, b) => a - b) : procfs.pids();
  let since = performance.now();
  const tick = async (): Promise<void> => {
    if (performance.now() - since >= budget) {
      await yieldToEventLoop();
      since = performance.now();
    }
  };
  for (const pid of pids) {
    const record = readResolved(procfs, pid, files);
    if (record === undefined) {
      await tick();
      continue;
    }
    yield record;
    if (options.threads) {
      for (const tid of listThreads(procfs, pid)) {
        const thread = readResolved(procfs, pid, files, tid);
        if (thread !== undefined) yield thread;
        await tick();
      }
    }
    await tick();
  }
}

/** Every record of walkProcesses, collected. */
export async function readProcesses<E extends string | Handler<object>>(options: WalkOptions<E>): Promise<ProcessRecord<FileKey<E>>[]> {
  const out: ProcessRecord<FileKey<E>>[] = [];
  for await (const record of walkProcesses(options)) out.push(record);
  return out;
}
