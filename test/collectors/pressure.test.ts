import { expect } from 'chai';
import * as path from 'path';
import { pressure } from '../../collectors/pressure';
import { run, series, TREES } from './run';

describe('pressure collector', () => {
  it('exports irq "full" when pressure/irq exists (µs → s); never cpu "full"', async () => {
    const s = series(await run(pressure, path.join(TREES, 'pressure')));
    expect(s.node_pressure_irq_stalled_seconds_total).to.equal(3.217685);
    expect(s.node_pressure_cpu_waiting_seconds_total).to.equal(1.591467);
    expect(Object.keys(s).sort()).to.have.length(6);
  });

  it('fails (no data) on a kernel without PSI, as node_exporter does', async () => {
    let error: unknown;
    await run(pressure, path.join(TREES, '..', 'linux-3.2', 'proc')).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/pressure\/cpu: no such file/);
  });
});
