import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseKeys } from '../../src/parsers/keys';
import { fixture } from '../support/fixtures';

describe('keys', () => {
  it('parses Linux 6.x', () => {
    const records = parseKeys(fixture('proc/keys'));
    expect(records).to.have.length(6);
    expect(records[0]).to.deep.equal({
      serial: '02ad28be',
      flags: 'I------',
      usage: 1,
      timeout: 'perm',
      permissions: '0f0b0000',
      uid: 0,
      gid: 0,
      type: 'keyring',
      description: '.blacklist: empty',
    });
    expect(records[5]).to.deep.equal({
      serial: '32eaf08a',
      flags: 'I--Q---',
      usage: 2,
      timeout: 'perm',
      permissions: '1f3f0000',
      uid: 0,
      gid: 65534,
      type: 'keyring',
      description: '_uid.0: empty',
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseKeys(fixture('linux-3.2/proc/keys'));
    expect(records).to.have.length(5);
    expect(records[0]).to.deep.equal({
      serial: '054aeb25',
      flags: 'I--Q---',
      usage: 13,
      timeout: 'perm',
      permissions: '3f030000',
      uid: 1000,
      gid: 1000,
      type: 'keyring',
      description: '_ses: 1',
    });
    expect(records[4]).to.deep.equal({
      serial: '3e4c4d31',
      flags: 'I--Q---',
      usage: 1,
      timeout: 'perm',
      permissions: '1f3f0000',
      uid: 1000,
      gid: 65534,
      type: 'keyring',
      description: '_uid_ses.1000: 1',
    });
  });

  it('rejects a usage that is not a number', () => {
    expect(() => parseKeys('02ad28be I------     x perm 0f0b0000     0     0 keyring   .blacklist: empty\n', '/tmp/keys')).to.throw(
      ParseError,
      /\/tmp\/keys:1: usage is not an integer \("x"\)/,
    );
  });

  it('rejects a truncated row', () => {
    expect(() => parseKeys('02ad28be I------     1 perm\n')).to.throw(ParseError, /keys:1: expected serial flags usage/);
  });
});
