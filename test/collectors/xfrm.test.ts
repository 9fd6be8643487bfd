import { expect } from 'chai';
import { xfrm } from '../../collectors/xfrm';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

describe('xfrm collector', () => {
  it('exports the 28 counters node_exporter knows, 0 for those an older kernel does not print, none of the newer ones', async () => {
    const t = tmpTree({ 'net/xfrm_stat': 'XfrmInError             \t7\nXfrmOutPolError         \t3\nXfrmInStateDirError     \t5\n' });
    try {
      const s = series(await run(xfrm, t.root));
      expect(Object.keys(s)).to.have.length(28);
      expect(s['node_xfrm_in_error_packets_total']).to.equal(7);
      expect(s['node_xfrm_out_pol_error_packets_total']).to.equal(3);
      expect(s['node_xfrm_acquire_error_packets_total']).to.equal(0);
      expect(Object.keys(s).some((k) => k.includes('dir'))).to.equal(false);
    } finally {
      t.remove();
    }
  });
});
