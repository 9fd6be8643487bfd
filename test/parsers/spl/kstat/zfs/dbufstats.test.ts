import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsDbufstats } from '../../../../../src/parsers/spl/kstat/zfs/dbufstats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/dbufstats', () => {
  it("parses node_exporter's fixture, chosen from its path: 63 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/dbufstats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/dbufstats');
    expect(parsed.records).to.have.length(63);
    expect(parsed.records[0]).to.deep.equal({ name: 'dbuf_cache_count', type: 4, value: 27 });
    expect(parsed.records[62]).to.deep.equal({ name: 'hash_dbuf_level_11_bytes', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsDbufstats.parse('', 'dbufstats')).to.deep.equal([]);
  });

  it('rejects an unknown kstat data type, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/dbufstats').replace(
      'dbuf_cache_count                4    27',
      'dbuf_cache_count                9    27',
    );
    expect(() => zfsDbufstats.parse(text, '/tmp/dbufstats')).to.throw(
      ParseError,
      '/tmp/dbufstats:3: unknown kstat data type 9: "dbuf_cache_count                9    27"',
    );
  });
});
