/**
 * Records as tables: the columns proc2csv prints and /dump's HTML view shows.
 *
 * One table per file: its columns are the union of the (flattened) fields of
 * every record, in first-seen order, and a field a record lacks is an empty
 * cell, never 0 — PyProc's rule of standardized fields. Only files whose
 * records are of different kinds (RECORD_KINDS) get one table per kind: a new
 * table starts wherever the kind changes, and each kind's columns are the
 * union over that kind's records in the file.
 */
import { flatten, type Scalar } from './flatten';

type Fields = Record<string, unknown>;

/**
 * Handlers whose records are of different kinds, and a record's kind: their
 * kinds share hardly any column, so one union table would be mostly empty
 * cells. stat: cpu lines, single values (`ctxt`, `btime`, …), value lists
 * (`page`, `swap` of old kernels), and each count list (`intr` has one count
 * per interrupt, `softirq` one per softirq) on its own.
 */
export const RECORD_KINDS = {
  stat: (r: Fields) => String(r.kind === 'counts' ? r.name : r.kind),
  'net/snmp': (r: Fields) => String(r.protocol),
  'net/netstat': (r: Fields) => String(r.protocol),
  'net/rpc/nfs': (r: Fields) => String(r.line),
  'net/rpc/nfsd': (r: Fields) => String(r.line),
} as const satisfies Record<string, (record: Fields) => string>;

/** Why each of RECORD_KINDS prints one table per kind (the README's list). */
export const RECORD_KIND_REASONS: Record<keyof typeof RECORD_KINDS, string> = {
  stat: 'cpu lines, the `intr` and `softirq` count lists and single values (`ctxt`, `btime`, …) share no column',
  'net/snmp': 'each protocol (Ip, Icmp, Tcp, Udp, …) has its own counters',
  'net/netstat': 'each protocol (TcpExt, IpExt, MPTcpExt) has its own counters',
  'net/rpc/nfs': 'each line (net, rpc, proc3, proc4, …) has its own counters',
  'net/rpc/nfsd': 'each line (rc, fh, io, th, proc3, proc4ops, …) has its own counters',
};

/** A cell: a scalar, or (when lists are folded) a whole list. */
export type Cell = Scalar | undefined | readonly unknown[];

export interface TableOptions {
  /** Keep each list as one cell instead of one column per element (the HTML view expands it). */
  foldLists?: boolean;
}

/** One table of consecutive records: its columns and, for each record, its index in the file. */
export interface TableBlock {
  /** The records' kind, for files of several kinds. */
  kind?: string;
  columns: string[];
  /** Indexes into the record list. */
  rows: number[];
}

/** Flattened fields of a record, dotted names as proc2csv writes them; lists kept whole when folded. */
export function cells(record: object, options: TableOptions = {}): Record<string, Cell> {
  if (!options.foldLists) return flatten(record);
  const out: Record<string, Cell> = {};
  const walk = (value: unknown, prefix: string): void => {
    if (Array.isArray(value)) {
      out[prefix] = value;
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length === 0 && prefix !== '') out[prefix] = '{}';
      for (const [key, child] of entries) walk(child, prefix === '' ? key : `${prefix}.${key}`);
    } else if (prefix !== '') {
      out[prefix] = value === undefined ? null : (value as Scalar);
    }
  };
  walk(record, '');
  return out;
}

function kindOf(handler: string | undefined, record: object): string | undefined {
  if (handler === undefined || !Object.prototype.hasOwnProperty.call(RECORD_KINDS, handler)) return undefined;
  return RECORD_KINDS[handler as keyof typeof RECORD_KINDS](record as Fields);
}

/** Adds the column names of a record to `into`, in order, without building its cells (a file can have 100k records). */
function addColumns(value: unknown, prefix: string, options: TableOptions, into: Set<string>): void {
  if (value === null || value === undefined || typeof value !== 'object' || (options.foldLists && Array.isArray(value))) {
    if (prefix !== '') into.add(prefix);
    return;
  }
  let empty = true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      empty = false;
      addColumns(value[i], prefix === '' ? String(i) : `${prefix}.${i}`, options, into);
    }
  } else {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      empty = false;
      addColumns((value as Record<string, unknown>)[key], prefix === '' ? key : `${prefix}.${key}`, options, into);
    }
  }
  if (empty && prefix !== '') into.add(prefix);
}

/** The tables of a file's records: one, or one per run of a kind for RECORD_KINDS handlers. */
export function tableBlocks(records: readonly object[], handler?: string, options: TableOptions = {}): TableBlock[] {
  const columnsByKind = new Map<string | undefined, Set<string>>();
  const blocks: TableBlock[] = [];
  let last: TableBlock | undefined;
  records.forEach((record, index) => {
    const kind = kindOf(handler, record);
    let columns = columnsByKind.get(kind);
    if (columns === undefined) columnsByKind.set(kind, (columns = new Set()));
    addColumns(record, '', options, columns);
    if (last !== undefined && last.kind === kind) last.rows.push(index);
    else blocks.push((last = { ...(kind === undefined ? {} : { kind }), columns: [], rows: [index] }));
  });
  for (const block of blocks) block.columns = [...columnsByKind.get(block.kind)!];
  return blocks;
}
