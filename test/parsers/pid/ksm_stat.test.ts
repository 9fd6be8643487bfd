import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseKsmStat } from '../../../src/parsers/pid/ksm_stat';
import { fixture } from '../../support/fixtures';

describe('pid/ksm_stat', () => {
  it('parses Linux 6.x: counts as numbers, yes/no as written', () => {
    expect(parseKsmStat(fixture('proc/4242/ksm_stat'))).to.deep.equal([
      {
        ksm_rmap_items: 0,
        ksm_zero_pages: 0,
        ksm_merging_pages: 0,
        ksm_process_profit: 0,
        ksm_merge_any: 'no',
        ksm_mergeable: 'no',
      },
    ]);
  });
  it('keeps a negative profit', () => {
    expect(parseKsmStat('ksm_rmap_items 12\nksm_process_profit -4096\n')).to.deep.equal([
      { ksm_rmap_items: 12, ksm_process_profit: -4096 },
    ]);
  });
  it('rejects a count that is not a number and a line without a value', () => {
    expect(() => parseKsmStat('ksm_rmap_items 1\nksm_zero_pages many\n', '/proc/1/ksm_stat')).to.throw(
      ParseError,
      /\/proc\/1\/ksm_stat:2: ksm_zero_pages is not an integer/,
    );
    expect(() => parseKsmStat('ksm_rmap_items\n')).to.throw(ParseError, /pid\/ksm_stat:1: expected "name value", found 1 fields/);
  });
});
