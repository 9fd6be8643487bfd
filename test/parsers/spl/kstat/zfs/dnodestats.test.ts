import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsDnodestats } from '../../../../../src/parsers/spl/kstat/zfs/dnodestats';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/dnodestats', () => {
  it("parses node_exporter's fixture, chosen from its path: 28 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/dnodestats'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/dnodestats');
    expect(parsed.records).to.have.length(28);
    expect(parsed.records[0]).to.deep.equal({ name: 'dnode_hold_dbuf_hold', type: 4, value: 0 });
    expect(parsed.records[27]).to.deep.equal({ name: 'dnode_move_active', type: 4, value: 0 });
  });

  it('gives [] for an empty file', () => {
    expect(zfsDnodestats.parse('', 'dnodestats')).to.deep.equal([]);
  });

  it('rejects a value that is not an integer, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/dnodestats').replace(
      'dnode_hold_dbuf_hold            4    0',
      'dnode_hold_dbuf_hold            4    0x',
    );
    expect(() => zfsDnodestats.parse(text, '/tmp/dnodestats')).to.throw(
      ParseError,
      '/tmp/dnodestats:3: dnode_hold_dbuf_hold is not an integer ("0x"): "dnode_hold_dbuf_hold            4    0x"',
    );
  });
});
