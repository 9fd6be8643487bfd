import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseInterrupts } from '../../src/parsers/interrupts';
import { fixture } from '../support/fixtures';

describe('interrupts', () => {
  it('parses Linux 6.x with 2 CPUs', () => {
    const records = parseInterrupts(fixture('proc/interrupts'));
    expect(records).to.have.length(35);
    expect(records[0]).to.deep.equal({ name: '24', cpus: { CPU0: 1, CPU1: 0 }, info: 'IO-APIC', devices: '5-edge ACPI:Ged' });
    expect(records[11]).to.deep.equal({
      name: '36',
      cpus: { CPU0: 0, CPU1: 5772 },
      info: 'PCI-MSIX-0000:00:02.0',
      devices: '1-edge virtio1-req.0',
    });
    expect(records[20]).to.deep.equal({ name: 'LOC', cpus: { CPU0: 8091, CPU1: 7801 }, info: 'Local timer interrupts' });
    expect(records[30]).to.deep.equal({ name: 'ERR', cpus: { CPU0: 0 } });
    expect(records[34]).to.deep.equal({ name: 'PIW', cpus: { CPU0: 0, CPU1: 0 }, info: 'Posted-interrupt wakeup event' });
  });

  it('parses Linux 3.2 with 8 CPUs', () => {
    const records = parseInterrupts(fixture('linux-3.2/proc/interrupts'));
    expect(records).to.have.length(52);
    expect(records[0]).to.deep.equal({
      name: '0',
      cpus: { CPU0: 59, CPU1: 9178, CPU2: 0, CPU3: 0, CPU4: 0, CPU5: 0, CPU6: 0, CPU7: 0 },
      info: 'IO-APIC-edge',
      devices: 'timer',
    });
    expect(records[2]).to.deep.equal({
      name: '4',
      cpus: { CPU0: 1, CPU1: 3, CPU2: 0, CPU3: 0, CPU4: 0, CPU5: 0, CPU6: 0, CPU7: 0 },
      info: 'IO-APIC-edge',
    });
    expect(records[7]).to.include({ name: '23', info: 'IO-APIC-fasteoi', devices: 'ehci_hcd:usb1, ehci_hcd:usb2' });
    expect(records[7].cpus.CPU4).to.equal(19539606);
    expect(records[43].cpus).to.deep.equal({
      CPU0: 168642893,
      CPU1: 151284677,
      CPU2: 146721312,
      CPU3: 134225605,
      CPU4: 22645974,
      CPU5: 22238015,
      CPU6: 23079211,
      CPU7: 22350064,
    });
    expect(records[50]).to.deep.equal({ name: 'ERR', cpus: { CPU0: 123 } });
    expect(records[51]).to.deep.equal({ name: 'MIS', cpus: { CPU0: 8778 } });
  });

  it('fails on an empty file (the kernel always prints the CPU header)', () => {
    expect(() => parseInterrupts('')).to.throw(
      ParseError,
      'interrupts:1: empty file (the kernel always prints the header line of CPU names): ""',
    );
  });

  it('rejects a row without the NAME: prefix', () => {
    const text = '           CPU0       CPU1\n 26          0          6  IO-APIC   4-edge      ttyS0\n';
    expect(() => parseInterrupts(text, '/tmp/interrupts')).to.throw(ParseError, /\/tmp\/interrupts:2: expected "NAME: counts"/);
  });

  it('rejects a row without any count', () => {
    expect(() => parseInterrupts('           CPU0\n 24: x IO-APIC\n')).to.throw(ParseError, /interrupts:2: expected at least one count/);
  });

  const header = '           CPU0       CPU1       CPU2       CPU3\n';

  it('rejects a non-numeric count in a CPU column instead of shifting the rest into info', () => {
    expect(() => parseInterrupts(`${header}  0:         44          x         12         13   IO-APIC   2-edge      timer\n`)).to.throw(
      ParseError,
      'interrupts:2: expected 4 per-CPU counts, found 1 before "x": "  0:         44          x         12         13   IO-APIC   2-edge      timer"',
    );
    expect(() => parseInterrupts(`${header}NMI:          0          0       -1          0   Non-maskable interrupts\n`)).to.throw(
      ParseError,
      'interrupts:2: expected 4 per-CPU counts, found 2 before "-1"',
    );
    expect(() => parseInterrupts(`${header}  0:         44       0012         12         13   IO-APIC   2-edge      timer\n`)).to.throw(
      ParseError,
      'interrupts:2: CPU1 count is not an unsigned integer ("0012")',
    );
  });

  it('rejects a row with a count missing instead of moving the others onto the wrong CPUs', () => {
    expect(() => parseInterrupts(`${header}  0:         44         12         13   IO-APIC   2-edge      timer\n`)).to.throw(
      ParseError,
      'interrupts:2: expected 4 per-CPU counts, found 3 before "IO-APIC"',
    );
    expect(() => parseInterrupts(`${header}LOC:       8091       7801\n`)).to.throw(
      ParseError,
      'interrupts:2: expected 4 per-CPU counts, found 2 and the row ends',
    );
  });

  it('keeps the single total of ERR and MIS (one count, nothing after it) under the first CPU', () => {
    expect(parseInterrupts(`${header}ERR:          7\nMIS:          0\n`)).to.deep.equal([
      { name: 'ERR', cpus: { CPU0: 7 } },
      { name: 'MIS', cpus: { CPU0: 0 } },
    ]);
  });
});
