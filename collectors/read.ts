/**
 * Reading a file from a collector's `gather` function (collectors whose input
 * is not one file per handler: /proc/self's files, sysctls beside a walk),
 * with the framework's own rules (readHandlerFile): parsed by the handler, an
 * absent file failing the run as "not on this kernel".
 */
import { readHandlerFile } from '../src/exporter/scheduler';
import type { ProcFs } from '../src/procfs';

/** The records of a file that must be there (`path` defaults to the handler's name). */
export async function readRequired<R extends object = object>(procfs: ProcFs, handler: string, path = handler): Promise<R[]> {
  return (await readHandlerFile(procfs, handler, 'required', { path })) as R[];
}
