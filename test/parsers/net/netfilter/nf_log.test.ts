import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNfLog } from '../../../../src/parsers/net/netfilter/nf_log';
import { fixture } from '../../../support/fixtures';

describe('net/netfilter/nf_log', () => {
  it('parses Linux 6.x, one record per family', () => {
    const records = parseNfLog(fixture('proc/net/netfilter/nf_log'));
    expect(records).to.have.length(11);
    expect(records[0]).to.deep.equal({ family: 0, logger: 'NONE', registered: ['nfnetlink_log'] });
    expect(records[2]).to.deep.equal({ family: 2, logger: 'nf_log_ipv4', registered: ['nf_log_ipv4', 'nfnetlink_log'] });
    expect(records[10]).to.deep.equal({ family: 10, logger: 'nf_log_ipv6', registered: ['nf_log_ipv6', 'nfnetlink_log'] });
  });

  it('parses Linux 3.2, with empty parentheses', () => {
    const records = parseNfLog(fixture('linux-3.2/proc/net/netfilter/nf_log'));
    expect(records).to.have.length(13);
    expect(records[0]).to.deep.equal({ family: 0, logger: 'NONE', registered: [] });
    expect(records[2]).to.deep.equal({ family: 2, logger: 'ipt_LOG', registered: ['ipt_LOG'] });
    expect(records[12]).to.deep.equal({ family: 12, logger: 'NONE', registered: [] });
  });

  it('rejects a line without the parenthesised list', () => {
    expect(() => parseNfLog(' 0 NONE ()\n 1 nf_log_ipv4\n')).to.throw(
      ParseError,
      /net\/netfilter\/nf_log:2: expected "family logger \(registered,…\)"/,
    );
  });

  it('rejects a non-numeric family', () => {
    expect(() => parseNfLog(' x NONE ()\n')).to.throw(ParseError, /net\/netfilter\/nf_log:1: family is not an integer/);
  });
});
