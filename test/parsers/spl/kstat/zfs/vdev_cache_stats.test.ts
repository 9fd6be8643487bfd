import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsVdevCacheStats } from '../../../../../src/parsers/spl/kstat/zfs/vdev_cache_stats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/vdev_cache_stats', () => {
  it("parses node_exporter's fixture, chosen from its path: 3 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/vdev_cache_stats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/vdev_cache_stats');
    expect(parsed.records).to.have.length(3);
    expect(parsed.records[0]).to.deep.equal({ name: 'delegations', type: 4, value: 40 });
    expect(parsed.records[2]).to.deep.equal({ name: 'misses', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsVdevCacheStats.parse('', 'vdev_cache_stats')).to.deep.equal([]);
  });

  it('rejects a value that is not an integer, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/vdev_cache_stats').replace(
      'delegations                     4    40',
      'delegations                     4    40x',
    );
    expect(() => zfsVdevCacheStats.parse(text, '/tmp/vdev_cache_stats')).to.throw(
      ParseError,
      '/tmp/vdev_cache_stats:3: delegations is not an integer ("40x"): "delegations                     4    40x"',
    );
  });
});
