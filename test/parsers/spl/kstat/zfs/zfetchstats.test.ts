import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsZfetchstats } from '../../../../../src/parsers/spl/kstat/zfs/zfetchstats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/zfetchstats', () => {
  it("parses node_exporter's fixture, chosen from its path: 11 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/zfetchstats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/zfetchstats');
    expect(parsed.records).to.have.length(11);
    expect(parsed.records[0]).to.deep.equal({ name: 'hits', type: 4, value: 7067992 });
    expect(parsed.records[10]).to.deep.equal({ name: 'bogus_streams', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsZfetchstats.parse('', 'zfetchstats')).to.deep.equal([]);
  });

  it('rejects a value that is not an integer, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/zfetchstats').replace(
      'hits                            4    7067992',
      'hits                            4    7067992x',
    );
    expect(() => zfsZfetchstats.parse(text, '/tmp/zfetchstats')).to.throw(
      ParseError,
      '/tmp/zfetchstats:3: hits is not an integer ("7067992x"): "hits                            4    7067992x"',
    );
  });
});
