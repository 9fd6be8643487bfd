import { expect } from 'chai';
import { ParseError } from '../../../../../../src/errors';
import { parseFile } from '../../../../../../src/parse';
import { parseZpoolState } from '../../../../../../src/parsers/spl/kstat/zfs/pool/state';
import { fixturePath } from '../../../../../support/fixtures';

describe('spl/kstat/zfs/pool/state', () => {
  it("parses node_exporter's pool2 and poolz1 states, chosen from the path", () => {
    const pool2 = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/pool2/state'));
    expect(pool2.handler).to.equal('spl/kstat/zfs/pool/state');
    expect(pool2.records).to.deep.equal([{ state: 'SUSPENDED' }]);
    expect(parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/poolz1/state')).records).to.deep.equal([{ state: 'DEGRADED' }]);
  });

  it('gives [] for an empty file', () => {
    expect(parseZpoolState('')).to.deep.equal([]);
  });

  it('rejects two words and a second line', () => {
    expect(() => parseZpoolState('ONLINE ONLINE\n', '/tmp/state')).to.throw(
      ParseError,
      '/tmp/state:1: expected one state name (ONLINE, DEGRADED, …): "ONLINE ONLINE"',
    );
    expect(() => parseZpoolState('ONLINE\nDEGRADED\n')).to.throw(ParseError, 'spl/kstat/zfs/pool/state:2: expected one line: "DEGRADED"');
  });
});
