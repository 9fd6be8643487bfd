/**
 * /proc/net/fib_trie — the IPv4 FIB tries, drawn as a tree.
 * Kernel: net/ipv4/fib_trie.c, fib_trie_seq_show() (fib_table_print(), seq_indent()).
 * Sample: "     +-- 127.0.0.0/8 2 0 2" / "           |-- 127.0.0.1" / "              /32 host LOCAL"
 *
 * One record per table (`Main:`, `Local:`, `Id N:`). Each level of indentation
 * is three spaces (seq_indent()), so the nesting is rebuilt from the column of
 * the `+--`, `|--` and `/` markers, to any depth. A `+--` line is an internal
 * node: prefix/length, bits, full_children, empty_children; a `|--` line is a
 * leaf (a key) whose `/len scope TYPE [tos=N]` lines are its aliases.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface FibTrieAlias {
  prefix_length: number;
  scope: string;
  type: string;
  tos?: number;
}

export interface FibTrieNode {
  kind: 'node';
  prefix: string;
  prefix_length: number;
  bits: number;
  full_children: number;
  empty_children: number;
  children: (FibTrieNode | FibTrieLeaf)[];
}

export interface FibTrieLeaf {
  kind: 'leaf';
  key: string;
  aliases: FibTrieAlias[];
}

export interface FibTrieRecord {
  table: string;
  children: (FibTrieNode | FibTrieLeaf)[];
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function parseFibTrie(text: string, file = 'net/fib_trie'): FibTrieRecord[] {
  const src: Lines = new Lines(file, text);
  const records: FibTrieRecord[] = [];
  let table: FibTrieRecord | undefined;
  // stack[k] is the internal node at level k (level of its marker column).
  let stack: FibTrieNode[] = [];
  let leaf: FibTrieLeaf | undefined;
  let leafLevel = -1;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    let indent = 0;
    while (indent < line.length && line[indent] === ' ') indent++;
    if (indent === 0) {
      if (!line.endsWith(':')) src.fail(i, 'expected a table name "Main:", "Local:" or "Id N:"');
      table = { table: line.slice(0, -1), children: [] };
      records.push(table);
      stack = [];
      leaf = undefined;
      continue;
    }
    if (table === undefined) src.fail(i, 'trie line before any table name');
    const body = line.slice(indent);
    if (body.startsWith('/')) {
      // An alias of the leaf one level up: "/32 host LOCAL [tos=N]".
      if (leaf === undefined || (indent - 2) / 3 !== leafLevel + 1) src.fail(i, 'alias line not under a leaf');
      const f = fields(body.slice(1));
      if (f.length < 3) src.fail(i, 'expected "/LEN scope TYPE"');
      const alias: FibTrieAlias = { prefix_length: src.int(f[0], i, 'prefix length'), scope: f[1], type: f[2] };
      for (let k = 3; k < f.length; k++) {
        if (f[k].startsWith('tos=')) alias.tos = src.int(f[k].slice(4), i, 'tos');
        else src.fail(i, `unexpected ${JSON.stringify(f[k])} after the alias type`);
      }
      leaf.aliases.push(alias);
      continue;
    }
    if ((indent - 2) % 3 !== 0) src.fail(i, `indentation of ${indent} spaces is not 2 + 3 per level`);
    const level = (indent - 2) / 3;
    if (level > stack.length) src.fail(i, `line nested ${level} levels deep under a parent at level ${stack.length - 1}`);
    stack.length = level;
    const siblings = level === 0 ? table.children : stack[level - 1].children;
    const f = fields(body.slice(3));
    if (body.startsWith('+-- ')) {
      if (f.length !== 4) src.fail(i, 'expected "+-- PREFIX/LEN bits full_children empty_children"');
      const slash = f[0].indexOf('/');
      const prefix = slash > 0 ? f[0].slice(0, slash) : '';
      if (!IPV4.test(prefix)) src.fail(i, `expected PREFIX/LEN, found ${JSON.stringify(f[0])}`);
      const node: FibTrieNode = {
        kind: 'node',
        prefix,
        prefix_length: src.int(f[0].slice(slash + 1), i, 'prefix length'),
        bits: src.int(f[1], i, 'bits'),
        full_children: src.int(f[2], i, 'full_children'),
        empty_children: src.int(f[3], i, 'empty_children'),
        children: [],
      };
      siblings.push(node);
      stack.push(node);
      leaf = undefined;
    } else if (body.startsWith('|-- ')) {
      if (f.length !== 1 || !IPV4.test(f[0])) src.fail(i, 'expected "|-- ADDRESS"');
      leaf = { kind: 'leaf', key: f[0], aliases: [] };
      leafLevel = level;
      siblings.push(leaf);
    } else {
      src.fail(i, 'expected "+--", "|--" or "/LEN"');
    }
  }
  return records;
}

export const fibTrie = defineHandler<FibTrieRecord>({
  name: 'net/fib_trie',
  summary: 'IPv4 FIB tries as a tree (every level)',
  parse: parseFibTrie,
});
