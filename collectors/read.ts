/**
 * Reading files from a collector's `gather` function (collectors whose input
 * is not one file per handler: the process walk, /proc/self, every file of a
 * directory). The same rules as the framework's own reads: the file is the
 * handler's name (or a given path) under the procfs root, parsed by that
 * handler; an absent required file fails the run as "not on this kernel"
 * (MissingFileError, logged at debug), an absent optional one gives undefined.
 */
import { MissingFileError } from '../src/exporter/scheduler';
import { isGone, type ProcFs } from '../src/procfs';
import { getHandler } from '../src/registry';

export async function readRecords<R extends object = object>(procfs: ProcFs, handler: string, need: 'required' | 'optional' = 'required', path = handler): Promise<R[] | undefined> {
  const h = getHandler(handler);
  if (!h) throw new Error(`unknown handler ${handler}`);
  let text: string;
  try {
    text = await procfs.readTextAsync(path);
  } catch (error) {
    if (!isGone(error)) throw error;
    if (need === 'optional') return undefined;
    throw new MissingFileError(`${procfs.root}/${path}`);
  }
  return h.parse(text, `${procfs.root}/${path}`) as R[];
}

/** Like readRecords, for a file that must be there. */
export async function readRequired<R extends object = object>(procfs: ProcFs, handler: string, path = handler): Promise<R[]> {
  return (await readRecords<R>(procfs, handler, 'required', path))!;
}
