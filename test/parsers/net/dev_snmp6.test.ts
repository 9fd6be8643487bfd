import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSnmp6 } from '../../../src/parsers/formats/snmp6';
import { fixture } from '../../support/fixtures';

describe('net/dev_snmp6', () => {
  it('parses an interface file starting with ifIndex (Linux 6.x lo)', () => {
    const records = parseSnmp6(fixture('proc/net/dev_snmp6/lo'), 'net/dev_snmp6/lo');
    expect(records).to.have.length(69);
    expect(records[0]).to.deep.equal({ name: 'ifIndex', value: 1 });
    expect(records[68]).to.deep.equal({ name: 'Icmp6OutMLDv2Reports', value: 0 });
  });

  it('parses Linux 3.2 eth0', () => {
    const records = parseSnmp6(fixture('linux-3.2/proc/net/dev_snmp6/eth0'), 'net/dev_snmp6/eth0');
    expect(records).to.have.length(67);
    expect(records[0]).to.deep.equal({ name: 'ifIndex', value: 2 });
    expect(records[66]).to.deep.equal({ name: 'Icmp6OutType143', value: 2 });
  });

  it('rejects a non-numeric value', () => {
    expect(() => parseSnmp6('ifIndex x\n', 'net/dev_snmp6/eth0')).to.throw(ParseError, /net\/dev_snmp6\/eth0:1: ifIndex is not an integer/);
  });
});
