import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIdMap } from '../../../src/parsers/formats/id-map';
import { fixture } from '../../support/fixtures';

describe('pid/projid_map', () => {
  it('parses Linux 6.x', () => {
    expect(parseIdMap(fixture('proc/4242/projid_map'))).to.deep.equal([{ id_inside_ns: 0, id_outside_ns: 0, length: 4294967295 }]);
  });
  it('rejects text where an id must be', () => {
    expect(() => parseIdMap('0 x 1\n', '/proc/1/projid_map')).to.throw(
      ParseError,
      /\/proc\/1\/projid_map:1: id_outside_ns is not an integer/,
    );
  });
});
