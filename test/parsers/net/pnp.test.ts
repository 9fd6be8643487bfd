import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePnp } from '../../../src/parsers/net/pnp';
import { fixture } from '../../support/fixtures';

describe('net/pnp', () => {
  it('parses Linux 6.x', () => {
    expect(parsePnp(fixture('proc/net/pnp'))).to.deep.equal([{ name: 'proto', value: 'MANUAL' }]);
  });

  it('parses Linux 3.2', () => {
    const records = parsePnp(fixture('linux-3.2/proc/net/pnp'));
    expect(records).to.have.length(4);
    expect(records[0]).to.deep.equal({ name: 'proto', value: 'MANUAL' });
    expect(records[1]).to.deep.equal({ name: 'nameserver', value: '192.168.1.1' });
    expect(records[3]).to.deep.equal({ name: 'nameserver', value: '0.0.0.0' });
  });

  it('parses a DHCP result with domain and boot server', () => {
    expect(parsePnp('#PROTO: DHCP\ndomain example.org\nnameserver 10.0.0.1\nbootserver 10.0.0.2\n')).to.deep.equal([
      { name: 'proto', value: 'DHCP' },
      { name: 'domain', value: 'example.org' },
      { name: 'nameserver', value: '10.0.0.1' },
      { name: 'bootserver', value: '10.0.0.2' },
    ]);
  });

  it('rejects a keyword without a value', () => {
    expect(() => parsePnp('#MANUAL\nnameserver\n')).to.throw(ParseError, /net\/pnp:2: expected "keyword value"/);
  });
});
