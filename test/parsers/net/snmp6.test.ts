import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSnmp6 } from '../../../src/parsers/formats/snmp6';
import { fixture } from '../../support/fixtures';

describe('net/snmp6', () => {
  it('parses Linux 6.x name/value lines', () => {
    const records = parseSnmp6(fixture('proc/net/snmp6'));
    expect(records).to.have.length(90);
    expect(records[0]).to.deep.equal({ name: 'Ip6InReceives', value: 1 });
    expect(records[89]).to.deep.equal({ name: 'UdpLite6MemErrors', value: 0 });
  });

  it('parses Linux 3.2', () => {
    const records = parseSnmp6(fixture('linux-3.2/proc/net/snmp6'));
    expect(records).to.have.length(78);
    expect(records[0]).to.deep.equal({ name: 'Ip6InReceives', value: 7607 });
  });

  it('rejects a line with a missing value', () => {
    expect(() => parseSnmp6('Ip6InReceives 1\nIp6InHdrErrors\n')).to.throw(
      ParseError,
      /net\/snmp6:2: expected "name value", found 1 fields/,
    );
  });
});
