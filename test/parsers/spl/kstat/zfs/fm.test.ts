import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { parseFile } from '../../../../../src/parse';
import { zfsFm } from '../../../../../src/parsers/spl/kstat/zfs/fm';
import { fixture, fixturePath } from '../../../../support/fixtures';

describe('spl/kstat/zfs/fm', () => {
  it("parses node_exporter's fixture, chosen from its path: 4 statistics, first and last", () => {
    const parsed = parseFile(fixturePath('node_exporter/proc/spl/kstat/zfs/fm'));
    expect(parsed.handler).to.equal('spl/kstat/zfs/fm');
    expect(parsed.records).to.have.length(4);
    expect(parsed.records[0]).to.deep.equal({ name: 'erpt-dropped', type: 4, value: 18 });
    expect(parsed.records[3]).to.deep.equal({ name: 'payload-set-failed', type: 4, value: 0 });
    const names = parsed.records.map((r) => (r as { name: string }).name);
    expect(names).to.deep.equal(['erpt-dropped', 'erpt-set-failed', 'fmri-set-failed', 'payload-set-failed']);
  });

  it('gives [] for an empty file', () => {
    expect(zfsFm.parse('', 'fm')).to.deep.equal([]);
  });

  it('rejects a row without its type and value, with the line', () => {
    const text = fixture('node_exporter/proc/spl/kstat/zfs/fm').replace('erpt-set-failed                 4    0', 'erpt-set-failed');
    expect(() => zfsFm.parse(text, '/tmp/fm')).to.throw(ParseError, '/tmp/fm:4: expected "NAME TYPE VALUE": "erpt-set-failed"');
  });
});
