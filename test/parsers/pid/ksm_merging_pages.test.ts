import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseKsmMergingPages } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/ksm_merging_pages', () => {
  it('parses Linux 6.x', () => {
    expect(parseKsmMergingPages(fixture('proc/4242/ksm_merging_pages'))).to.deep.equal([{ ksm_merging_pages: 0 }]);
  });
  it('rejects text', () => {
    expect(() => parseKsmMergingPages('none\n', '/proc/1/ksm_merging_pages')).to.throw(ParseError, /\/proc\/1\/ksm_merging_pages:1: ksm_merging_pages is not an integer/);
  });
});
