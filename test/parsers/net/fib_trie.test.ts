import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFibTrie, type FibTrieLeaf, type FibTrieNode } from '../../../src/parsers/net/fib_trie';
import { fixture } from '../../support/fixtures';

describe('net/fib_trie', () => {
  it('parses Linux 6.x into a tree four levels deep', () => {
    const records = parseFibTrie(fixture('proc/net/fib_trie'));
    expect(records.map((r) => r.table)).to.deep.equal(['Main', 'Local']);
    const root = records[0].children[0] as FibTrieNode;
    // "  +-- 0.0.0.0/0 3 0 5"
    expect(root).to.include({ kind: 'node', prefix: '0.0.0.0', prefix_length: 0, bits: 3, full_children: 0, empty_children: 5 });
    expect(root.children).to.have.length(3);
    expect(root.children[0]).to.deep.equal({
      kind: 'leaf',
      key: '0.0.0.0',
      aliases: [{ prefix_length: 0, scope: 'universe', type: 'UNICAST' }],
    });
    // "     +-- 127.0.0.0/8 2 0 2" > "        +-- 127.0.0.0/31 1 0 0" > "           |-- 127.0.0.1" > "              /32 host LOCAL"
    const loopback = root.children[1] as FibTrieNode;
    expect(loopback).to.include({ prefix: '127.0.0.0', prefix_length: 8, bits: 2, empty_children: 2 });
    const inner = loopback.children[0] as FibTrieNode;
    expect(inner).to.include({ prefix: '127.0.0.0', prefix_length: 31, bits: 1 });
    expect(inner.children).to.deep.equal([
      { kind: 'leaf', key: '127.0.0.0', aliases: [{ prefix_length: 8, scope: 'host', type: 'LOCAL' }] },
      { kind: 'leaf', key: '127.0.0.1', aliases: [{ prefix_length: 32, scope: 'host', type: 'LOCAL' }] },
    ]);
    expect(loopback.children[1]).to.deep.equal({
      kind: 'leaf',
      key: '127.255.255.255',
      aliases: [{ prefix_length: 32, scope: 'link', type: 'BROADCAST' }],
    });
    // last line of the file: "           /32 link BROADCAST" under "        |-- 192.0.2.255"
    const last = records[1].children[0] as FibTrieNode;
    const lan = last.children[2] as FibTrieNode;
    expect(lan).to.include({ prefix: '192.0.2.0', prefix_length: 24 });
    expect(lan.children[1]).to.deep.equal({
      kind: 'leaf',
      key: '192.0.2.255',
      aliases: [{ prefix_length: 32, scope: 'link', type: 'BROADCAST' }],
    });
  });

  it('parses Linux 3.2, a leaf with two aliases', () => {
    const records = parseFibTrie(fixture('linux-3.2/proc/net/fib_trie'));
    expect(records).to.have.length(2);
    const main = records[0].children[0] as FibTrieNode;
    expect(main).to.include({ prefix: '0.0.0.0', prefix_length: 0, bits: 2, full_children: 0, empty_children: 1 });
    expect(main.children.map((c) => (c as FibTrieLeaf).key)).to.deep.equal(['0.0.0.0', '169.254.0.0', '192.168.1.0']);
    const local = records[1].children[0] as FibTrieNode;
    const leaf = ((local.children[0] as FibTrieNode).children[0] as FibTrieNode).children[0] as FibTrieLeaf;
    expect(leaf).to.deep.equal({
      kind: 'leaf',
      key: '127.0.0.0',
      aliases: [
        { prefix_length: 32, scope: 'link', type: 'BROADCAST' },
        { prefix_length: 8, scope: 'host', type: 'LOCAL' },
      ],
    });
    const lan = local.children[1] as FibTrieNode;
    expect(lan.children[1]).to.deep.equal({
      kind: 'leaf',
      key: '192.168.1.255',
      aliases: [{ prefix_length: 32, scope: 'link', type: 'BROADCAST' }],
    });
  });

  it('keeps tos and numbered tables', () => {
    const text = 'Id 100:\n  |-- 10.0.0.0\n     /8 universe UNICAST tos=4\n';
    expect(parseFibTrie(text)).to.deep.equal([
      {
        table: 'Id 100',
        children: [{ kind: 'leaf', key: '10.0.0.0', aliases: [{ prefix_length: 8, scope: 'universe', type: 'UNICAST', tos: 4 }] }],
      },
    ]);
  });

  it('rejects a line nested too deep and a bad node', () => {
    expect(() => parseFibTrie('Main:\n  +-- 0.0.0.0/0 2 0 1\n        |-- 0.0.0.0\n')).to.throw(
      ParseError,
      /net\/fib_trie:3: line nested 2 levels deep under a parent at level 0/,
    );
    expect(() => parseFibTrie('Main:\n  +-- 0.0.0.0/x 2 0 1\n')).to.throw(ParseError, /net\/fib_trie:2: prefix length is not an integer/);
  });
});
