import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { iomem } from '../../src/parsers/iomem';
import { fixture } from '../support/fixtures';

describe('iomem', () => {
  it('parses Linux 6.x, keeping the nesting', () => {
    const records = iomem.parse(fixture('proc/iomem'), 'iomem');
    expect(records).to.have.length(9);
    expect(records[0]).to.deep.equal({ start: '00000000', end: '00000fff', name: 'Reserved', children: [] });
    expect(records[2]).to.deep.equal({
      start: '0009fc00',
      end: '000fffff',
      name: 'Reserved',
      children: [
        { start: '000de000', end: '000defff', name: 'AMZNC10C:00', children: [] },
        { start: '000f0000', end: '000fffff', name: 'System ROM', children: [] },
      ],
    });
    // three levels: Reserved > PCI ECAM 0000 [bus 00-00] > PCI Bus 0000:00
    expect(records[5].children[0].name).to.equal('PCI ECAM 0000 [bus 00-00]');
    expect(records[5].children[0].children[0]).to.deep.equal({ start: 'eec00000', end: 'eecfffff', name: 'PCI Bus 0000:00', children: [] });
    const last = records[8];
    expect(last).to.include({ start: '4000000000', end: '7fffffffff', name: 'PCI Bus 0000:00' });
    expect(last.children).to.have.length(5);
    expect(last.children[4]).to.deep.equal({
      start: '4000200000',
      end: '400027ffff',
      name: '0000:00:05.0',
      children: [{ start: '4000200000', end: '400027ffff', name: 'virtio-pci-modern', children: [] }],
    });
  });

  it('parses Linux 3.2', () => {
    const records = iomem.parse(fixture('linux-3.2/proc/iomem'), 'iomem');
    expect(records).to.have.length(35);
    expect(records[0]).to.deep.equal({ start: '00000000', end: '0000ffff', name: 'reserved', children: [] });
    expect(records[34]).to.deep.equal({ start: '100000000', end: '82fffffff', name: 'System RAM', children: [] });
    expect(records[33]).to.deep.equal({
      start: 'ff000000',
      end: 'ffffffff',
      name: 'reserved',
      children: [{ start: 'ff000000', end: 'ffffffff', name: 'pnp 00:09', children: [] }],
    });
  });

  it('rejects a line nested two levels under its parent', () => {
    expect(() => iomem.parse('00000000-00000fff : Reserved\n    00000000-00000fff : x\n', '/tmp/iomem')).to.throw(
      ParseError,
      /\/tmp\/iomem:2: nested 2 levels deep under a resource at depth 0/,
    );
  });

  it('rejects a line without a range or name', () => {
    expect(() => iomem.parse('00000000-0000zfff : Reserved\n', 'iomem')).to.throw(ParseError, /iomem:1: address range is not hexadecimal/);
    expect(() => iomem.parse('00000000-00000fff Reserved\n', 'iomem')).to.throw(ParseError, /iomem:1: expected "START-END : NAME"/);
  });
});
