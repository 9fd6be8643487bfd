import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNfQueue } from '../../../../src/parsers/net/netfilter/nf_queue';
import { fixture } from '../../../support/fixtures';

describe('net/netfilter/nf_queue', () => {
  it('parses Linux 3.2', () => {
    const records = parseNfQueue(fixture('linux-3.2/proc/net/netfilter/nf_queue'));
    expect(records).to.have.length(13);
    expect(records[0]).to.deep.equal({ family: 0, handler: 'NONE' });
    expect(records[12]).to.deep.equal({ family: 12, handler: 'NONE' });
  });

  it('keeps a bound handler by name', () => {
    expect(parseNfQueue(' 1 NONE\n 2 nfnetlink_queue\n')).to.deep.equal([
      { family: 1, handler: 'NONE' },
      { family: 2, handler: 'nfnetlink_queue' },
    ]);
  });

  it('rejects a non-numeric family', () => {
    expect(() => parseNfQueue(' 0 NONE\nxx NONE\n')).to.throw(ParseError, /net\/netfilter\/nf_queue:2: family is not an integer/);
  });
});
