import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseMisc } from '../../src/parsers/misc';
import { fixture } from '../support/fixtures';

describe('misc', () => {
  it('parses Linux 6.x', () => {
    const records = parseMisc(fixture('proc/misc'));
    expect(records).to.have.length(11);
    expect(records[0]).to.deep.equal({ minor: 234, name: 'btrfs-control' });
    expect(records[10]).to.deep.equal({ minor: 256, name: 'vga_arbiter' });
  });

  it('parses Linux 3.2', () => {
    const records = parseMisc(fixture('linux-3.2/proc/misc'));
    expect(records).to.have.length(17);
    expect(records[0]).to.deep.equal({ minor: 56, name: 'vboxnetctl' });
    expect(records[16]).to.deep.equal({ minor: 63, name: 'vga_arbiter' });
  });

  it('rejects a minor that is not a number', () => {
    expect(() => parseMisc('234 btrfs-control\nabc tun\n', '/tmp/misc')).to.throw(
      ParseError,
      /\/tmp\/misc:2: minor is not an integer \("abc"\)/,
    );
  });

  it('rejects a line without a name', () => {
    expect(() => parseMisc('200\n')).to.throw(ParseError, /misc:1: missing name/);
  });
});
