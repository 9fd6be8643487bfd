import { expect } from 'chai';
import { ParseError } from '../../../../../../src/errors';
import { parseFile } from '../../../../../../src/parse';
import { parseZpoolObjset } from '../../../../../../src/parsers/spl/kstat/zfs/pool/objset';
import { fixture, fixturePath } from '../../../../../support/fixtures';

describe('spl/kstat/zfs/pool/objset', () => {
  it("parses node_exporter's pool1/objset-2, chosen from the path: the dataset name, then six counts", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/pool1/objset-2'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/pool/objset');
    expect(parsed.records).to.have.length(7);
    expect(parsed.records[0]).to.deep.equal({ name: 'dataset_name', type: 7, value: 'pool1/dataset1' });
    expect(parsed.records[1]).to.deep.equal({ name: 'writes', type: 4, value: 4 });
    expect(parsed.records[6]).to.deep.equal({ name: 'nunlinked', type: 4, value: 3 });
  });

  it('keeps a dataset name with spaces as written, and reads a file without a final newline', () => {
    expect(parseZpoolObjset(fixture('node_exporter/proc/spl/kstat/zfs/pool3/objset-2'))[0].value).to.equal('pool3/dataset with  space');
    const poolz1 = parseZpoolObjset(fixture('node_exporter/proc/spl/kstat/zfs/poolz1/objset-2'));
    expect(poolz1[6]).to.deep.equal({ name: 'nunlinked', type: 4, value: 14 });
  });

  it('rejects an objset whose first statistic is not dataset_name', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/pool1/objset-1').replace('dataset_name                    7    pool1\n', '');
    expect(() => parseZpoolObjset(text, '/tmp/objset-1')).to.throw(
      ParseError,
      '/tmp/objset-1:3: expected dataset_name as the first statistic: "writes                          4    0"',
    );
  });
});
