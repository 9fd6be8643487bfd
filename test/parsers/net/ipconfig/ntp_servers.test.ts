import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNtpServers } from '../../../../src/parsers/net/ipconfig/ntp_servers';
import { fixture } from '../../../support/fixtures';

describe('net/ipconfig/ntp_servers', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseNtpServers(fixture('proc/net/ipconfig/ntp_servers'))).to.deep.equal([]);
  });

  it('parses the synthetic file, one record per server', () => {
    expect(parseNtpServers(fixture('synthetic/proc/net/ipconfig/ntp_servers'))).to.deep.equal([
      { address: '192.168.1.1' },
      { address: '10.0.0.123' },
    ]);
  });

  it('rejects a line that is not an IPv4 address', () => {
    expect(() => parseNtpServers('192.168.1.1\nntp.example.org\n')).to.throw(
      ParseError,
      /net\/ipconfig\/ntp_servers:2: expected an IPv4 address/,
    );
  });
});
