import { expect } from 'chai';
import * as path from 'path';
import { meminfo } from '../../collectors/meminfo';
import { vmstat } from '../../collectors/vmstat';
import { options, run, series, TREES } from './run';

describe('meminfo collector', () => {
  it('kB × 1024 with _bytes, HugePages_* counts without, (anon) → _anon; a field the 3.2 kernel lacks has no series', async () => {
    const s = series(await run(meminfo, path.join(TREES, '..', 'linux-3.2', 'proc')));
    expect(s.node_memory_Active_anon_bytes).to.equal(874324 * 1024);
    expect(s.node_memory_HugePages_Total).to.equal(0);
    expect(s.node_memory_MemAvailable_bytes, 'MemAvailable appeared in 3.14').to.equal(undefined);
    expect(series(await run(meminfo, path.join(TREES, '..', 'proc'))).node_memory_MemAvailable_bytes).to.be.a('number');
  });
});

describe('vmstat collector', () => {
  it('keeps the fields matching `fields` (default ^(oom_kill|pgpg|pswp|pg.*fault).*), untyped', async () => {
    const root = path.join(TREES, '..', 'linux-3.2', 'proc');
    const families = await run(vmstat, root);
    expect(families.filter((f) => f.name.startsWith('node_vmstat')).every((f) => f.type === 'untyped')).to.equal(true);
    const s = series(families);
    expect(s.node_vmstat_oom_kill, '3.2 has no oom_kill').to.equal(undefined);
    expect(s.node_vmstat_pgmajfault).to.equal(2505);
    const custom = series(await run(vmstat, root, options(vmstat, { fields: '^nr_free_pages$' })));
    expect(Object.keys(custom)).to.deep.equal(['node_vmstat_nr_free_pages']);
  });
});
