import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsDmuTx } from '../../../../../src/parsers/spl/kstat/zfs/dmu_tx';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/dmu_tx', () => {
  it("parses node_exporter's fixture, chosen from its path: 11 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/dmu_tx'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/dmu_tx');
    expect(parsed.records).to.have.length(11);
    expect(parsed.records[0]).to.deep.equal({ name: 'dmu_tx_assigned', type: 4, value: 3532844 });
    expect(parsed.records[10]).to.deep.equal({ name: 'dmu_tx_quota', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsDmuTx.parse('', 'dmu_tx')).to.deep.equal([]);
  });

  it('rejects a kstat of another type (an io kstat), with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/dmu_tx').replace(
      '5 1 0x01 11 528 8010436841 354962070418194',
      '5 3 0x01 11 528 8010436841 354962070418194',
    );
    expect(() => zfsDmuTx.parse(text, '/tmp/dmu_tx')).to.throw(
      ParseError,
      '/tmp/dmu_tx:1: expected a kstat of type 1, found type 3: "5 3 0x01 11 528 8010436841 354962070418194"',
    );
  });
});
