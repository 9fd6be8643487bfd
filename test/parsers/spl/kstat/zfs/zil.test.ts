import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsZil } from '../../../../../src/parsers/spl/kstat/zfs/zil';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/zil', () => {
  it("parses node_exporter's fixture, chosen from its path: 13 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/zil'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/zil');
    expect(parsed.records).to.have.length(13);
    expect(parsed.records[0]).to.deep.equal({ name: 'zil_commit_count', type: 4, value: 10 });
    expect(parsed.records[12]).to.deep.equal({ name: 'zil_itx_metaslab_slog_bytes', type: 4, value: 0 });
    expect(parsed.records[8]).to.deep.equal({ name: 'zil_itx_needcopy_bytes', type: 4, value: 18446744073709537686 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsZil.parse('', 'zil')).to.deep.equal([]);
  });

  it('rejects a value that is not an integer, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/zil').replace(
      'zil_commit_count                4    10',
      'zil_commit_count                4    10x',
    );
    expect(() => zfsZil.parse(text, '/tmp/zil')).to.throw(
      ParseError,
      '/tmp/zil:3: zil_commit_count is not an integer ("10x"): "zil_commit_count                4    10x"',
    );
  });
});
