import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFibTriestat } from '../../../src/parsers/net/fib_triestat';
import { fixture } from '../../support/fixtures';

describe('net/fib_triestat', () => {
  it('parses Linux 6.x (no Counters block)', () => {
    const records = parseFibTriestat(fixture('proc/net/fib_triestat'));
    expect(records).to.have.length(2);
    const expected = {
      leaf_size_bytes: 48,
      tnode_size_bytes: 40,
      aver_depth: 2.42,
      max_depth: 3,
      leaves: 7,
      prefixes: 7,
      internal_nodes: 5,
      node_sizes: { 1: 1, 2: 3, 3: 1 },
      pointers: 22,
      null_ptrs: 11,
      total_size_kb: 2,
    };
    expect(records[0]).to.deep.equal({ table: 'Main', ...expected });
    expect(records[1]).to.deep.equal({ table: 'Local', ...expected });
  });

  it('parses Linux 3.2 with Counters', () => {
    const records = parseFibTriestat(fixture('linux-3.2/proc/net/fib_triestat'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      table: 'Main',
      leaf_size_bytes: 40,
      tnode_size_bytes: 56,
      aver_depth: 1,
      max_depth: 1,
      leaves: 3,
      prefixes: 3,
      internal_nodes: 1,
      node_sizes: { 2: 1 },
      pointers: 4,
      null_ptrs: 1,
      total_size_kb: 1,
      counters: {
        gets: 1043566,
        backtracks: 0,
        semantic_match_passed: 1043387,
        semantic_match_miss: 0,
        null_node_hit: 123899,
        skipped_node_resize: 0,
      },
    });
    expect(records[1]).to.include({ table: 'Local', aver_depth: 2.66, leaves: 6, prefixes: 7, pointers: 10, null_ptrs: 0 });
    expect(records[1].node_sizes).to.deep.equal({ 1: 5 });
    expect(records[1].counters).to.deep.equal({
      gets: 1722427,
      backtracks: 1456034,
      semantic_match_passed: 678315,
      semantic_match_miss: 0,
      null_node_hit: 0,
      skipped_node_resize: 0,
    });
  });

  it('rejects a missing basic-info line and a bad value', () => {
    expect(() => parseFibTriestat('Main:\n')).to.throw(ParseError, /net\/fib_triestat:1: expected "Basic info/);
    expect(() =>
      parseFibTriestat('Basic info: size of leaf: 48 bytes, size of tnode: 40 bytes.\nMain:\n\tLeaves:         seven\n'),
    ).to.throw(ParseError, /net\/fib_triestat:3: leaves is not an integer/);
  });
});
