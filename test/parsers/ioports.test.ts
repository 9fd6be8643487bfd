import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { ioports } from '../../src/parsers/ioports';
import { fixture } from '../support/fixtures';

describe('ioports', () => {
  it('parses Linux 6.x, keeping the nesting', () => {
    const records = ioports.parse(fixture('proc/ioports'), 'ioports');
    expect(records).to.have.length(3);
    expect(records[0]).to.include({ start: '0000', end: '0cf7', name: 'PCI Bus 0000:00' });
    expect(records[0].children).to.have.length(12);
    expect(records[0].children[0]).to.deep.equal({ start: '0000', end: '001f', name: 'dma1', children: [] });
    expect(records[0].children[7]).to.deep.equal({ start: '0080', end: '008f', name: 'dma page reg', children: [] });
    expect(records[1]).to.deep.equal({ start: '0cf8', end: '0cff', name: 'PCI conf1', children: [] });
    expect(records[2]).to.deep.equal({ start: '0d00', end: 'ffff', name: 'PCI Bus 0000:00', children: [] });
  });

  it('parses Linux 3.2', () => {
    const records = ioports.parse(fixture('linux-3.2/proc/ioports'), 'ioports');
    expect(records).to.have.length(5);
    expect(records[0]).to.include({ start: '0000', end: '03af', name: 'PCI Bus 0000:00' });
    expect(records[0].children[0]).to.deep.equal({ start: '0000', end: '001f', name: 'dma1', children: [] });
    const last = records[4];
    expect(last).to.include({ start: '0d00', end: 'ffff', name: 'PCI Bus 0000:00' });
    const lastChild = last.children[last.children.length - 1];
    expect(lastChild).to.deep.equal({
      start: 'f090',
      end: 'f097',
      name: '0000:00:1f.2',
      children: [{ start: 'f090', end: 'f097', name: 'ahci', children: [] }],
    });
  });

  it('rejects an odd indentation with file and line', () => {
    expect(() => ioports.parse('0000-0cf7 : PCI Bus 0000:00\n   0000-001f : dma1\n', '/tmp/ioports')).to.throw(
      ParseError,
      /\/tmp\/ioports:2: indentation is not a multiple of two spaces/,
    );
  });

  it('rejects a range without a dash', () => {
    expect(() => ioports.parse('0000 : PCI Bus 0000:00\n', 'ioports')).to.throw(ParseError, /ioports:1: expected an address range/);
  });
});
