import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { ksmMergingPages } from '../../../src/parsers/pid/ksm_merging_pages';
import { fixture } from '../../support/fixtures';

describe('pid/ksm_merging_pages', () => {
  it('parses Linux 6.x', () => {
    expect(ksmMergingPages.parse(fixture('proc/4242/ksm_merging_pages'), 'pid/ksm_merging_pages')).to.deep.equal([
      { ksm_merging_pages: 0 },
    ]);
  });
  it('rejects text', () => {
    expect(() => ksmMergingPages.parse('none\n', '/proc/1/ksm_merging_pages')).to.throw(
      ParseError,
      /\/proc\/1\/ksm_merging_pages:1: ksm_merging_pages is not an integer/,
    );
  });
});
