import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseVmallocinfo } from '../../src/parsers/vmallocinfo';
import { fixture } from '../support/fixtures';

describe('vmallocinfo', () => {
  it('parses Linux 6.x: caller, pages, NUMA nodes, flags, unpurged areas', () => {
    const records = parseVmallocinfo(fixture('proc/vmallocinfo'));
    expect(records).to.have.length(1016);
    expect(records[0]).to.deep.equal({
      start: '0x00000000001901dc',
      end: '0x00000000e60112dd',
      size: 20480,
      caller: 'irq_init_percpu_irqstack+0xed/0x120',
      flags: ['vmap'],
    });
    expect(records[1]).to.deep.equal({
      start: '0x00000000e60112dd',
      end: '0x000000006a95658d',
      size: 8192,
      caller: 'acpi_os_map_iomem+0x1bc/0x1e0',
      phys: '0x00000000000a0000',
      flags: ['ioremap'],
    });
    expect(records[3]).to.deep.equal({
      start: '0x00000000dcf84151',
      end: '0x00000000e3775121',
      size: 20480,
      caller: 'kernel_clone+0xb8/0x400',
      pages: 4,
      nodes: { N0: 4 },
      flags: ['vmalloc'],
    });
    expect(records[1015]).to.deep.equal({
      start: '0x000000008b293575',
      end: '0x00000000962ae43b',
      size: 20480,
      flags: ['unpurged', 'vm_area'],
    });
  });

  it('parses Linux 3.2 with a module caller', () => {
    const records = parseVmallocinfo(fixture('linux-3.2/proc/vmallocinfo'));
    expect(records).to.have.length(174);
    expect(records[0]).to.deep.equal({
      start: '0xffffc90000000000',
      end: '0xffffc90000002000',
      size: 8192,
      caller: 'hpet_enable+0x2f/0x1a3',
      phys: 'fed00000',
      flags: ['ioremap'],
    });
    expect(records[173]).to.deep.equal({
      start: '0xffffffffa050d000',
      end: '0xffffffffa068e000',
      size: 1576960,
      caller: 'VBoxHost_RTR0MemExecInit+0x64/0x1a0',
      module: 'vboxdrv',
      pages: 384,
      nodes: { N0: 384 },
      flags: ['vmalloc'],
    });
  });

  it('keeps key=value pairs a newer kernel adds', () => {
    const [r] = parseVmallocinfo('0xffffc90000000000-0xffffc90000005000   20480 f+0x1f/0x50 pages=4 vmalloc vpages N0=2 N1=2 align=64\n');
    expect(r).to.deep.equal({
      start: '0xffffc90000000000',
      end: '0xffffc90000005000',
      size: 20480,
      caller: 'f+0x1f/0x50',
      pages: 4,
      nodes: { N0: 2, N1: 2 },
      other: { align: 64 },
      flags: ['vmalloc', 'vpages'],
    });
  });

  it('rejects a bad page count with file and line', () => {
    const text = '0x1000-0x2000 4096 f+0x1/0x2 pages=1 vmalloc\n0x2000-0x3000 4096 f+0x1/0x2 pages=x vmalloc\n';
    expect(() => parseVmallocinfo(text, '/tmp/vmallocinfo')).to.throw(ParseError, /\/tmp\/vmallocinfo:2: pages is not an integer \("x"\)/);
  });

  it('rejects a bad range and a missing size', () => {
    expect(() => parseVmallocinfo('0x1000_0x2000 4096 vmalloc\n')).to.throw(ParseError, /vmallocinfo:1: expected an address range/);
    expect(() => parseVmallocinfo('0x1000-0x2000\n')).to.throw(ParseError, /vmallocinfo:1: expected "START-END SIZE …"/);
  });
});
