import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNetStat } from '../../../../src/parsers/formats/lnstat';
import { fixture } from '../../../support/fixtures';

describe('net/stat/synproxy', () => {
  it('parses Linux 6.x (tab-separated)', () => {
    const records = parseNetStat(fixture('proc/net/stat/synproxy'), 'net/stat/synproxy');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      cpu: 0,
      entries: 0,
      syn_received: 0,
      cookie_invalid: 0,
      cookie_valid: 0,
      cookie_retrans: 0,
      conn_reopened: 0,
    });
    expect(records[1]).to.deep.equal({
      cpu: 1,
      entries: 0,
      syn_received: 0,
      cookie_invalid: 0,
      cookie_valid: 0,
      cookie_retrans: 0,
      conn_reopened: 0,
    });
  });

  it('reads hex counts', () => {
    const text = 'entries\t\tsyn_received\tcookie_invalid\n00000000\t0000001a\t00000100\n';
    expect(parseNetStat(text, 'net/stat/synproxy')).to.deep.equal([{ cpu: 0, entries: 0, syn_received: 26, cookie_invalid: 256 }]);
  });

  it('rejects a non-hex value', () => {
    expect(() => parseNetStat('entries\tsyn_received\n00000000\tmany\n', 'net/stat/synproxy')).to.throw(
      ParseError,
      /net\/stat\/synproxy:2: syn_received is not hexadecimal/,
    );
  });
});
