import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo';
import { fixture } from '../support/fixtures';

describe('buddyinfo', () => {
  it('parses Linux 6.x', () => {
    const records = parseBuddyinfo(fixture('proc/buddyinfo'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({ node: 0, zone: 'DMA', free_blocks_by_order: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 3] });
    expect(records[2]).to.deep.equal({
      node: 0,
      zone: 'Normal',
      free_blocks_by_order: [673, 533, 604, 615, 470, 299, 202, 118, 64, 42, 42],
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseBuddyinfo(fixture('linux-3.2/proc/buddyinfo'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({ node: 0, zone: 'DMA', free_blocks_by_order: [1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 3] });
    expect(records[2]).to.deep.equal({
      node: 0,
      zone: 'Normal',
      free_blocks_by_order: [16129, 5237, 3302, 2929, 29725, 27250, 16365, 5131, 14, 0, 1],
    });
  });

  it('rejects a count that is not a number', () => {
    expect(() => parseBuddyinfo('Node 0, zone      DMA      1      x \n', '/tmp/buddyinfo')).to.throw(
      ParseError,
      /\/tmp\/buddyinfo:1: order 1 is not an integer \("x"\)/,
    );
  });

  it('rejects a line of another shape', () => {
    expect(() => parseBuddyinfo('Zone DMA 1 2 3\n')).to.throw(ParseError, /buddyinfo:1: expected "Node N, zone NAME counts…"/);
  });
});
