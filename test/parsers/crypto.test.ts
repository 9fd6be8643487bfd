import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseCrypto } from '../../src/parsers/crypto';
import { fixture } from '../support/fixtures';

describe('crypto', () => {
  it('parses Linux 6.x', () => {
    const records = parseCrypto(fixture('proc/crypto'));
    expect(records).to.have.length(56);
    expect(records[0]).to.deep.equal({
      name: 'cbc(aes)',
      driver: 'cbc(ecb(aes-fixed-time))',
      module: 'kernel',
      priority: 101,
      refcnt: 1,
      selftest: 'passed',
      internal: 'no',
      type: 'lskcipher',
      blocksize: 16,
      min_keysize: 16,
      max_keysize: 32,
      ivsize: 16,
      chunksize: 16,
      statesize: 0,
    });
    expect(records[55]).to.deep.equal({
      name: 'dh',
      driver: 'dh-generic',
      module: 'kernel',
      priority: 100,
      refcnt: 1,
      selftest: 'passed',
      internal: 'no',
      type: 'kpp',
    });
  });

  it('parses Linux 3.2, keeping geniv as text', () => {
    const records = parseCrypto(fixture('linux-3.2/proc/crypto'));
    expect(records).to.have.length(11);
    expect(records[0]).to.include({
      name: 'cbc(aes)',
      driver: 'cbc(aes-generic)',
      priority: 100,
      type: 'blkcipher',
      ivsize: 16,
      geniv: '<default>',
    });
    expect(records[0]).to.not.have.property('internal');
    expect(records[10]).to.deep.equal({
      name: 'crc32c',
      driver: 'crc32c-intel',
      module: 'kernel',
      priority: 200,
      refcnt: 1,
      selftest: 'passed',
      type: 'shash',
      blocksize: 1,
      digestsize: 4,
    });
  });

  it('rejects a non-numeric priority', () => {
    const text = 'name         : dh\ndriver       : dh-generic\nmodule       : kernel\npriority     : high\n';
    expect(() => parseCrypto(text, '/tmp/crypto')).to.throw(ParseError, /\/tmp\/crypto:4: priority is not an integer \("high"\)/);
  });

  it('rejects a truncated block', () => {
    expect(() => parseCrypto('name         : dh\ndriver       : dh-generic\n')).to.throw(ParseError, /crypto:1: .*lacks "module"/);
  });
});
