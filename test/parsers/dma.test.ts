import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseDma } from '../../src/parsers/dma';
import { fixture } from '../support/fixtures';

describe('dma', () => {
  it('parses Linux 6.x', () => {
    expect(parseDma(fixture('proc/dma'))).to.deep.equal([{ channel: 4, device_id: 'cascade' }]);
  });

  it('parses Linux 3.2', () => {
    expect(parseDma(fixture('linux-3.2/proc/dma'))).to.deep.equal([{ channel: 4, device_id: 'cascade' }]);
  });

  it('rejects a channel that is not a number', () => {
    expect(() => parseDma(' 4: cascade\n x: floppy\n', '/tmp/dma')).to.throw(ParseError, /\/tmp\/dma:2: channel is not an integer \("x"\)/);
  });

  it('rejects a line without the colon', () => {
    expect(() => parseDma(' 4 cascade\n')).to.throw(ParseError, /dma:1: expected "CHANNEL: NAME"/);
  });
});
