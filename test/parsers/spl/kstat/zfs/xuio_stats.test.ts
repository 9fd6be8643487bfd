import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsXuioStats } from '../../../../../src/parsers/spl/kstat/zfs/xuio_stats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/xuio_stats', () => {
  it("parses node_exporter's fixture, chosen from its path: 6 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/xuio_stats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/xuio_stats');
    expect(parsed.records).to.have.length(6);
    expect(parsed.records[0]).to.deep.equal({ name: 'onloan_read_buf', type: 4, value: 32 });
    expect(parsed.records[5]).to.deep.equal({ name: 'write_buf_nocopy', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsXuioStats.parse('', 'xuio_stats')).to.deep.equal([]);
  });

  it('rejects an unknown kstat data type, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/xuio_stats').replace(
      'onloan_read_buf                 4    32',
      'onloan_read_buf                 9    32',
    );
    expect(() => zfsXuioStats.parse(text, '/tmp/xuio_stats')).to.throw(
      ParseError,
      '/tmp/xuio_stats:3: unknown kstat data type 9: "onloan_read_buf                 9    32"',
    );
  });
});
