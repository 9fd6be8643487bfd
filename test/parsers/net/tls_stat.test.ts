import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseTlsStat } from '../../../src/parsers/net/tls_stat';
import { fixture } from '../../support/fixtures';

describe('net/tls_stat', () => {
  it('parses the synthetic Linux 6.x file', () => {
    const records = parseTlsStat(fixture('synthetic/proc/net/tls_stat'));
    expect(records).to.have.length(17);
    expect(records[0]).to.deep.equal({ name: 'TlsCurrTxSw', value: 2 });
    expect(records[4]).to.deep.equal({ name: 'TlsTxSw', value: 15 });
    expect(records[16]).to.deep.equal({ name: 'TlsRxRekeyReceived', value: 3 });
  });

  it('rejects a line without a value', () => {
    expect(() => parseTlsStat('TlsCurrTxSw                     \t2\nTlsCurrRxSw\n')).to.throw(
      ParseError,
      /net\/tls_stat:2: expected "name value"/,
    );
  });
});
