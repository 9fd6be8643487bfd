import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseXfrmStat } from '../../../src/parsers/net/xfrm_stat';
import { fixture } from '../../support/fixtures';

describe('net/xfrm_stat', () => {
  it('parses Linux 6.x', () => {
    const records = parseXfrmStat(fixture('proc/net/xfrm_stat'));
    expect(records).to.have.length(32);
    expect(records[0]).to.deep.equal({ name: 'XfrmInError', value: 0 });
    expect(records[31]).to.deep.equal({ name: 'XfrmOutNoQueueSpace', value: 0 });
  });

  it('parses Linux 3.2', () => {
    const records = parseXfrmStat(fixture('linux-3.2/proc/net/xfrm_stat'));
    expect(records).to.have.length(28);
    expect(records[0]).to.deep.equal({ name: 'XfrmInError', value: 0 });
    expect(records[27]).to.deep.equal({ name: 'XfrmAcquireError', value: 0 });
  });

  it('keeps a non-zero count', () => {
    expect(parseXfrmStat('XfrmInError             \t0\nXfrmInNoStates          \t17\n')[1]).to.deep.equal({
      name: 'XfrmInNoStates',
      value: 17,
    });
  });

  it('rejects a non-numeric value', () => {
    expect(() => parseXfrmStat('XfrmInError             \tlots\n')).to.throw(ParseError, /net\/xfrm_stat:1: XfrmInError is not an integer/);
  });
});
