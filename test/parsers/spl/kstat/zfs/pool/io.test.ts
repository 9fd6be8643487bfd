import { expect } from 'chai';
import { ParseError } from '../../../../../../src/errors';
import { parseFile } from '../../../../../../src/parse';
import { parseZpoolIo } from '../../../../../../src/parsers/spl/kstat/zfs/pool/io';
import { fixture, fixturePath } from '../../../../../support/fixtures';

describe('spl/kstat/zfs/pool/io', () => {
  it("parses node_exporter's pool1 and poolz1 io kstats, chosen from the path", () => {
    const pool1 = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/pool1/io'));
    expect(pool1.handler).to.equal('spl/kstat/zfs/pool/io');
    expect(pool1.records).to.deep.equal([
      {
        nread: 1884160,
        nwritten: 3206144,
        reads: 22,
        writes: 132,
        wtime: 7155162,
        wlentime: 104112268,
        wupdate: 79210489694949,
        rtime: 24168078,
        rlentime: 104112268,
        rupdate: 79210489849220,
        wcnt: 0,
        rcnt: 0,
      },
    ]);
    const [poolz1] = parseZpoolIo(fixture('node_exporter/proc/spl/kstat/zfs/poolz1/io'));
    expect(Object.keys(poolz1)).to.have.length(12);
    expect(poolz1).to.deep.include({ nread: 2826240, nwritten: 2680501248, rupdate: 110734831944501, rcnt: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(parseZpoolIo('')).to.deep.equal([]);
  });

  it('rejects a values line shorter than the header, and a named kstat', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/pool1/io').replace('0        0       \n', '0\n');
    expect(() => parseZpoolIo(text, '/tmp/io')).to.throw(ParseError, '/tmp/io:3: 12 columns but 11 values: "1884160  3206144  22');
    expect(() => parseZpoolIo(fixture('node_exporter/proc/spl/kstat/zfs/pool1/objset-1'))).to.throw(
      ParseError,
      'spl/kstat/zfs/pool/io:1: expected a kstat of type 3, found type 1: "23 1 0x01 7 2160 221578688875 6665999035587"',
    );
  });
});
