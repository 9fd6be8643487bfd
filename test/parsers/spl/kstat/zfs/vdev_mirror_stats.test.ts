import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsVdevMirrorStats } from '../../../../../src/parsers/spl/kstat/zfs/vdev_mirror_stats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/vdev_mirror_stats', () => {
  it("parses node_exporter's fixture, chosen from its path: 7 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/vdev_mirror_stats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/vdev_mirror_stats');
    expect(parsed.records).to.have.length(7);
    expect(parsed.records[0]).to.deep.equal({ name: 'rotating_linear', type: 4, value: 0 });
    expect(parsed.records[6]).to.deep.equal({ name: 'preferred_not_found', type: 4, value: 94 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsVdevMirrorStats.parse('', 'vdev_mirror_stats')).to.deep.equal([]);
  });

  it('rejects a file without the name/type/data header, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/vdev_mirror_stats').replace(
      /^name +type data$/m,
      'name                            data',
    );
    expect(() => zfsVdevMirrorStats.parse(text, '/tmp/vdev_mirror_stats')).to.throw(
      ParseError,
      '/tmp/vdev_mirror_stats:2: expected the header "name type data": "name                            data"',
    );
  });
});
