import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseVmstat } from '../../src/parsers/vmstat';
import { fixture } from '../support/fixtures';

describe('vmstat', () => {
  it('parses Linux 6.x', () => {
    const records = parseVmstat(fixture('proc/vmstat'));
    expect(records).to.have.length(192);
    expect(records[0]).to.deep.equal({ name: 'nr_free_pages', value: 908599 });
    expect(records[2]).to.deep.equal({ name: 'nr_zone_inactive_anon', value: 556 });
    expect(records[191]).to.deep.equal({ name: 'nr_unstable', value: 0 });
  });

  it('parses Linux 3.2', () => {
    const records = parseVmstat(fixture('linux-3.2/proc/vmstat'));
    expect(records).to.have.length(96);
    expect(records[0]).to.deep.equal({ name: 'nr_free_pages', value: 3939213 });
    expect(records[1]).to.deep.equal({ name: 'nr_inactive_anon', value: 283017 });
    expect(records[95]).to.deep.equal({ name: 'thp_split', value: 0 });
  });

  it('rejects a counter that is not a number', () => {
    expect(() => parseVmstat('nr_free_pages 1\nnr_dirty many\n', '/tmp/vmstat')).to.throw(
      ParseError,
      /\/tmp\/vmstat:2: nr_dirty is not an integer \("many"\)/,
    );
  });

  it('rejects a counter without a value', () => {
    expect(() => parseVmstat('nr_free_pages\n')).to.throw(ParseError, /vmstat:1: expected "name value", found 1 fields/);
  });
});
