import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsArcstats } from '../../../../../src/parsers/spl/kstat/zfs/arcstats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/arcstats', () => {
  it("parses node_exporter's fixture, chosen from its path: 91 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/arcstats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/arcstats');
    expect(parsed.records).to.have.length(91);
    expect(parsed.records[0]).to.deep.equal({ name: 'hits', type: 4, value: 8772612 });
    expect(parsed.records[90]).to.deep.equal({ name: 'arc_sys_free', type: 4, value: 261496832 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsArcstats.parse('', 'arcstats')).to.deep.equal([]);
  });

  it('rejects a file without the name/type/data header, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/arcstats').replace(/^name +type data$/m, 'name                            data');
    expect(() => zfsArcstats.parse(text, '/tmp/arcstats')).to.throw(
      ParseError,
      '/tmp/arcstats:2: expected the header "name type data": "name                            data"',
    );
  });
});
