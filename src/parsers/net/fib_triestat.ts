/**
 * /proc/net/fib_triestat — statistics of the IPv4 FIB tries.
 * Kernel: net/ipv4/fib_trie.c, fib_triestat_seq_show(), trie_show_stats(),
 * trie_show_usage() (the Counters block, only with CONFIG_IP_FIB_TRIE_STATS).
 * Sample: "\tAver depth:     2.42"
 *
 * One record per table (Main, Local, Id N). The first line's leaf and tnode
 * sizes (bytes) are repeated in every record. `node_sizes` maps the child
 * bits of internal nodes to their count (the "  1: 1  2: 3" line); the total
 * size keeps its kB unit in its name; `counters` is present when printed.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface FibTriestatRecord {
  table: string;
  leaf_size_bytes: number;
  tnode_size_bytes: number;
  aver_depth: number;
  max_depth: number;
  leaves: number;
  prefixes: number;
  internal_nodes: number;
  node_sizes: Record<string, number>;
  pointers: number;
  null_ptrs: number;
  total_size_kb: number;
  /** gets, backtracks, semantic_match_passed, semantic_match_miss, null_node_hit, skipped_node_resize. */
  counters?: Record<string, number>;
}

const BASIC = /^Basic info: size of leaf: (\d+) bytes, size of tnode: (\d+) bytes\.$/;

function snake(name: string): string {
  return name.trim().toLowerCase().replace(/ +/g, '_');
}

export function parseFibTriestat(text: string, file = 'net/fib_triestat'): FibTriestatRecord[] {
  const src: Lines = new Lines(file, text);
  const records: FibTriestatRecord[] = [];
  if (src.length === 0) return records;
  const basic = BASIC.exec(src.lines[0]);
  if (basic === null) src.fail(0, 'expected "Basic info: size of leaf: N bytes, size of tnode: N bytes."');
  let current: Record<string, unknown> | undefined;
  let inCounters = false;
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (!line.startsWith('\t') && line.endsWith(':') && line !== 'Counters:') {
      current = {
        table: line.slice(0, -1),
        leaf_size_bytes: src.int(basic[1], 0, 'leaf size'),
        tnode_size_bytes: src.int(basic[2], 0, 'tnode size'),
        node_sizes: {},
      };
      records.push(current as unknown as FibTriestatRecord);
      inCounters = false;
      continue;
    }
    if (current === undefined) src.fail(i, 'statistics before any table name');
    if (line === 'Counters:') {
      current.counters = {};
      inCounters = true;
      continue;
    }
    if (line.startsWith('---')) continue;
    if (inCounters) {
      const eq = line.indexOf('=');
      if (eq <= 0) src.fail(i, 'expected "name = value" in Counters');
      (current.counters as Record<string, number>)[snake(line.slice(0, eq))] = src.int(line.slice(eq + 1).trim(), i, 'counter');
      continue;
    }
    const trimmed = line.trim();
    if (/^\d+:/.test(trimmed)) {
      // "  1: 1  2: 3  3: 1": child bits → number of internal nodes.
      const f = fields(trimmed.replace(/:/g, ' '));
      if (f.length % 2 !== 0) src.fail(i, 'expected "bits: count" pairs');
      const sizes = current.node_sizes as Record<string, number>;
      for (let k = 0; k < f.length; k += 2) sizes[String(src.int(f[k], i, 'bits'))] = src.int(f[k + 1], i, 'node count');
      continue;
    }
    const colon = trimmed.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "Name: value"');
    const name = snake(trimmed.slice(0, colon));
    const value = fields(trimmed.slice(colon + 1));
    if (name === 'total_size') {
      if (value.length !== 2 || value[1] !== 'kB') src.fail(i, 'expected "Total size: N  kB"');
      current.total_size_kb = src.int(value[0], i, 'total size');
    } else if (name === 'aver_depth') {
      current.aver_depth = src.float(value[0], i, name);
    } else {
      if (value.length !== 1) src.fail(i, `expected one value for ${name}`);
      current[name] = src.int(value[0], i, name);
    }
  }
  return records;
}

export const fibTriestat = defineHandler<FibTriestatRecord>({
  name: 'net/fib_triestat',
  summary: 'IPv4 FIB trie statistics per table',
  parse: parseFibTriestat,
});
