import { expect } from 'chai';
import { arp } from '../../collectors/arp';
import { options, run, series } from './run';
import { tmpTree } from './tmp-tree';

const HEADER = 'IP address       HW type     Flags       HW address            Mask     Device\n';
const row = (ip: string, flags: string, device: string): string =>
  `${ip.padEnd(17)}0x1         ${flags.padEnd(12)}02:fc:00:00:00:05     *        ${device}\n`;

describe('arp collector', () => {
  it('counts every row per device (incomplete entries too, as procfs), with device filters', async () => {
    const t = tmpTree({
      'net/arp': HEADER + row('10.0.0.1', '0x2', 'eth0') + row('10.0.0.2', '0x0', 'eth0') + row('10.1.0.1', '0x2', 'wg0'),
    });
    try {
      expect(series(await run(arp, t.root))).to.deep.equal({ 'node_arp_entries{device="eth0"}': 2, 'node_arp_entries{device="wg0"}': 1 });
      expect(series(await run(arp, t.root, options(arp, { deviceExclude: '^wg' })))).to.deep.equal({
        'node_arp_entries{device="eth0"}': 2,
      });
      expect(series(await run(arp, t.root, options(arp, { deviceInclude: '^wg' })))).to.deep.equal({ 'node_arp_entries{device="wg0"}': 1 });
    } finally {
      t.remove();
    }
  });

  it('a device whose entries are gone has no series (an empty table: none at all)', async () => {
    const t = tmpTree({ 'net/arp': HEADER });
    try {
      expect(series(await run(arp, t.root))).to.deep.equal({});
    } finally {
      t.remove();
    }
  });
});
