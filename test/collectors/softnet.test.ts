import { expect } from 'chai';
import * as path from 'path';
import { softnet } from '../../collectors/softnet';
import { run, series, TREES } from './run';

describe('softnet collector', () => {
  it("reports an old kernel's missing columns as 0 and numbers CPUs by row", async () => {
    const s = series(await run(softnet, path.join(TREES, 'softnet')));
    expect(s['node_softnet_processed_total{cpu="0"}']).to.equal(0x1089c);
    expect(s['node_softnet_times_squeezed_total{cpu="0"}']).to.equal(3);
    expect(s['node_softnet_flow_limit_count_total{cpu="0"}'], 'no column before 3.11').to.equal(0);
    expect(s['node_softnet_flow_limit_count_total{cpu="1"}']).to.equal(5);
    expect(s['node_softnet_backlog_len{cpu="1"}'], 'no column before 5.10').to.equal(0);
    expect(Object.keys(s)).to.have.length(2 * 7);
  });
});
