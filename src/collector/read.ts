/**
 * How collectors read: a handler's file under the procfs root, parsed by the
 * handler, once per cycle however many collectors need it (stat feeds cpu and
 * stat, net/udp feeds udp_queues and mappings, …). Records are shared, so
 * collectors must not mutate them (docs/collectors.md).
 *
 * On the kernel's procfs and sysfs the read is synchronous, as the process
 * walker's (src/processes.ts) and node_exporter's collectors read, and any
 * other tree goes through the thread pool (ProcFs.readForCollector): a
 * thread-pool read costs six round trips (open, fstat, readlink, read, read,
 * close), about six times the CPU of reading the default collectors' files
 * synchronously (npm run bench, cycle). ProcFs.readText opens without blocking
 * and refuses FIFOs and devices, as readTextAsync does.
 */
import { isGone, type ProcFs } from '../procfs';
import { getHandler } from '../registry';
import type { Need, ReadRecords } from './definition';
import { parseErrorLog } from './parse-errors';

/** A required file is absent: the run fails as "not on this kernel" (logged at debug, not as an alarm). */
export class MissingFileError extends Error {
  override readonly name = 'MissingFileError';
  constructor(readonly file: string) {
    super(`${file}: no such file (not on this kernel?)`);
  }
}

/** The files read during one cycle, by handler and path: a pending parse each. */
export type CycleReads = Map<string, Promise<object[]>>;

function readParsed(procfs: ProcFs, name: string, path: string, reads: CycleReads | undefined): Promise<object[]> {
  // The handler is part of the key: one path parsed by two handlers is two results.
  const key = name === path ? path : `${name}\0${path}`;
  const cached = reads?.get(key);
  if (cached) return cached;
  const handler = getHandler(name);
  const pending = handler
    ? procfs.readForCollector(path).then((text) => parseErrorLog.parse(handler, text, `${procfs.root}/${path}`))
    : Promise.reject(new Error(`unknown handler ${name}`));
  reads?.set(key, pending);
  return pending;
}

/**
 * The records of a handler's file under the procfs root (`path`, default the
 * handler's name; read and parsed once per cycle when `reads` is given). An
 * absent file is undefined when optional and fails the run as "not on this
 * kernel" (MissingFileError) when required.
 */
export async function readHandlerFile(
  procfs: ProcFs,
  name: string,
  need: Need,
  path = name,
  reads?: CycleReads,
): Promise<object[] | undefined> {
  try {
    return await readParsed(procfs, name, path, reads);
  } catch (error) {
    if (!isGone(error)) throw error;
    if (need === 'optional') return undefined;
    throw new MissingFileError(`${procfs.root}/${path}`);
  }
}

/** The `read` a collector's context holds: readHandlerFile on this procfs, sharing this cycle's reads. */
export function cycleReader(procfs: ProcFs, reads: CycleReads = new Map()): ReadRecords {
  return ((handler: string, need: Need, path?: string) => readHandlerFile(procfs, handler, need, path, reads)) as ReadRecords;
}
