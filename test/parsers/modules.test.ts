import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseModules } from '../../src/parsers/modules';
import { fixture } from '../support/fixtures';

describe('modules', () => {
  it('parses Linux 3.2', () => {
    const records = parseModules(fixture('linux-3.2/proc/modules'));
    expect(records).to.have.length(94);
    expect(records[0]).to.deep.equal({
      name: 'usb_storage',
      size: 49198,
      refcount: 0,
      dependencies: [],
      state: 'Live',
      address: '0xffffffffa0677000',
    });
    expect(records[93]).to.deep.equal({
      name: 'linear',
      size: 12894,
      refcount: 0,
      dependencies: [],
      state: 'Live',
      address: '0xffffffffa0000000',
    });
    expect(records[6]).to.deep.equal({
      name: 'vboxdrv',
      size: 287130,
      refcount: 3,
      dependencies: ['vboxpci', 'vboxnetadp', 'vboxnetflt'],
      state: 'Live',
      address: '0xffffffffa0491000',
      taint: 'O',
    });
  });

  it('parses the synthetic 6.x file: taint letters, [permanent], Loading', () => {
    const records = parseModules(fixture('synthetic/proc/modules'));
    expect(records).to.have.length(7);
    expect(records[0]).to.deep.equal({
      name: 'nft_chain_nat',
      size: 12288,
      refcount: 3,
      dependencies: [],
      state: 'Live',
      address: '0xffffffffc0b5a000',
    });
    expect(records[3]).to.include({ name: 'nvidia_uvm', taint: 'POE' });
    expect(records[4]).to.deep.equal({
      name: 'vboxdrv',
      size: 696320,
      refcount: 0,
      dependencies: [],
      notes: ['permanent'],
      state: 'Live',
      address: '0xffffffffc0c20000',
      taint: 'OE',
    });
    expect(records[5]).to.include({ name: 'xt_MASQUERADE', state: 'Loading' });
    expect(records[6]).to.deep.equal({
      name: 'libcrc32c',
      size: 12288,
      refcount: 2,
      dependencies: ['nf_nat', 'nf_tables'],
      state: 'Live',
      address: '0xffffffffc0a55000',
    });
  });

  it('keeps an unknown refcount ("-", no module unloading) absent, not 0', () => {
    const [record] = parseModules('ext4 1048576 - - Live 0xffffffffc0400000\n');
    expect(record).to.deep.equal({ name: 'ext4', size: 1048576, dependencies: [], state: 'Live', address: '0xffffffffc0400000' });
    expect(record).to.not.have.property('refcount');
  });

  it('rejects text where the size must be', () => {
    expect(() => parseModules('a 1 0 - Live 0x0\nb x 0 - Live 0x0\n', '/tmp/modules')).to.throw(
      ParseError,
      /\/tmp\/modules:2: size is not an integer \("x"\)/,
    );
  });

  it('rejects a truncated row and a bad address', () => {
    expect(() => parseModules('a 1 0 -\n')).to.throw(ParseError, /modules:1: expected 6 or 7 fields, found 4/);
    expect(() => parseModules('a 1 0 - Live ffff\n')).to.throw(ParseError, /modules:1: address is not hexadecimal/);
  });
});
