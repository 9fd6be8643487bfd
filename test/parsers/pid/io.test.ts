import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIo } from '../../../src/parsers/pid/io';
import { fixture } from '../../support/fixtures';

describe('pid/io', () => {
  it('parses Linux 6.x', () => {
    expect(parseIo(fixture('proc/4242/io'))).to.deep.equal([
      { rchar: 1470912, wchar: 22, syscr: 164, syscw: 1, read_bytes: 0, write_bytes: 4096, cancelled_write_bytes: 4096 },
    ]);
  });
  it('parses Linux 3.2', () => {
    const records = parseIo(fixture('linux-3.2/proc/self/io'));
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ rchar: 2686544394, wchar: 381603772, cancelled_write_bytes: 14303232 });
  });
  it('gives no record for an empty file and rejects text', () => {
    expect(parseIo('')).to.deep.equal([]);
    expect(() => parseIo('rchar: 1\nwchar: many\n')).to.throw(ParseError, /pid\/io:2: wchar is not an integer/);
  });
});
