import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIdMap } from '../../../src/parsers/formats/id-map';
import { fixture } from '../../support/fixtures';

describe('pid/gid_map', () => {
  it('parses Linux 6.x (the initial namespace maps everything)', () => {
    expect(parseIdMap(fixture('proc/4242/gid_map'))).to.deep.equal([{ id_inside_ns: 0, id_outside_ns: 0, length: 4294967295 }]);
  });
  it('parses several extents', () => {
    const records = parseIdMap('         0     100000      65536\n     65536       1000          1\n');
    expect(records).to.deep.equal([
      { id_inside_ns: 0, id_outside_ns: 100000, length: 65536 },
      { id_inside_ns: 65536, id_outside_ns: 1000, length: 1 },
    ]);
  });
  it('rejects a truncated extent', () => {
    expect(() => parseIdMap('0 0\n', '/proc/1/gid_map')).to.throw(ParseError, /\/proc\/1\/gid_map:1: expected at least 3 columns, found 2/);
  });
});
