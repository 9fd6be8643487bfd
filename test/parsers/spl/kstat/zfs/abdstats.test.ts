import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsAbdstats } from '../../../../../src/parsers/spl/kstat/zfs/abdstats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/abdstats', () => {
  it("parses node_exporter's fixture, chosen from its path: 21 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/abdstats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/abdstats');
    expect(parsed.records).to.have.length(21);
    expect(parsed.records[0]).to.deep.equal({ name: 'struct_size', type: 4, value: 2520 });
    expect(parsed.records[20]).to.deep.equal({ name: 'scatter_sg_table_retry', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsAbdstats.parse('', 'abdstats')).to.deep.equal([]);
  });

  it('rejects a value that is not an integer, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/abdstats').replace(
      'struct_size                     4    2520',
      'struct_size                     4    2520x',
    );
    expect(() => zfsAbdstats.parse(text, '/tmp/abdstats')).to.throw(
      ParseError,
      '/tmp/abdstats:3: struct_size is not an integer ("2520x"): "struct_size                     4    2520x"',
    );
  });
});
