import { expect } from 'chai';
import * as path from 'path';
import { interrupts } from '../../collectors/interrupts';
import { options, run, series, TREES } from './run';

const root = path.join(TREES, 'interrupts');

describe('interrupts collector', () => {
  it('labels columns by position (an offline CPU renumbers the rest, as node_exporter does) and skips ERR/MIS', async () => {
    const s = series(await run(interrupts, root));
    expect(s['node_interrupts_total{cpu="1",devices="1-edge i8042",info="IO-APIC",type="1"}'], 'CPU2 is column 1').to.equal(9);
    expect(s['node_interrupts_total{cpu="2",devices="",info="Local timer interrupts",type="LOC"}']).to.equal(22001);
    expect(s['node_interrupts_total{cpu="0",devices="8-edge",info="IO-APIC",type="8"}'], 'no device name').to.equal(0);
    expect(Object.keys(s).some((k) => /type="(ERR|MIS)"/.test(k))).to.equal(false);
    expect(Object.keys(s)).to.have.length(5 * 3);
  });

  it('includeZeros=false drops zero counts; nameInclude/nameExclude match "<type>;<info>;<devices>"', async () => {
    const nz = series(await run(interrupts, root, options(interrupts, { includeZeros: false })));
    expect(Object.values(nz).every((v) => v !== 0)).to.equal(true);
    expect(Object.keys(nz)).to.have.length(5);
    const inc = series(await run(interrupts, root, options(interrupts, { nameInclude: ';IO-APIC;.*i8042' })));
    expect(Object.keys(inc)).to.have.length(3);
    const ex = series(await run(interrupts, root, options(interrupts, { nameExclude: '^(LOC|NMI);' })));
    expect(Object.keys(ex)).to.have.length(3 * 3);
  });
});
