import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseLocks } from '../../src/parsers/locks';
import { fixture } from '../support/fixtures';

describe('locks', () => {
  it('gives [] for the empty Linux 6.x capture', () => {
    expect(parseLocks(fixture('proc/locks'))).to.deep.equal([]);
  });

  it('parses Linux 3.2, device numbers read as hex', () => {
    const records = parseLocks(fixture('linux-3.2/proc/locks'));
    expect(records).to.have.length(30);
    expect(records[0]).to.deep.equal({
      id: 1,
      blocked: false,
      class: 'POSIX',
      mode: 'ADVISORY',
      type: 'WRITE',
      pid: 16251,
      major: 9,
      minor: 1,
      inode: 121767692,
      start: 1073741824,
      end: 1073742335,
    });
    expect(records[13]).to.deep.equal({
      id: 14,
      blocked: false,
      class: 'POSIX',
      mode: 'ADVISORY',
      type: 'WRITE',
      pid: 16278,
      major: 9,
      minor: 1,
      inode: 125046128,
      start: 0,
      end: 'EOF',
    });
    expect(records[29]).to.deep.equal({
      id: 30,
      blocked: false,
      class: 'FLOCK',
      mode: 'ADVISORY',
      type: 'WRITE',
      pid: 1386,
      major: 0,
      minor: 15,
      inode: 1945,
      start: 0,
      end: 'EOF',
    });
  });

  it('parses the synthetic 6.x file: waiters, OFD locks, leases, no inode', () => {
    const records = parseLocks(fixture('synthetic/proc/locks'));
    expect(records).to.have.length(8);
    expect(records[0]).to.include({ id: 1, blocked: false, pid: 1234, major: 253, minor: 0, inode: 2531452, end: 'EOF' });
    expect(records[1]).to.include({ id: 1, blocked: true, class: 'POSIX', type: 'WRITE', pid: 1240 });
    expect(records[2]).to.include({ id: 1, blocked: true, type: 'READ', pid: 1241, start: 0, end: 99 });
    expect(records[3]).to.deep.equal({
      id: 2,
      blocked: false,
      class: 'OFDLCK',
      mode: 'ADVISORY',
      type: 'READ',
      pid: -1,
      major: 0,
      minor: 26,
      inode: 5678,
      start: 100,
      end: 199,
    });
    expect(records[7]).to.deep.equal({
      id: 6,
      blocked: false,
      class: 'LEASE',
      mode: 'BREAKER',
      type: 'READ',
      pid: 4400,
      inode: 0,
      start: 0,
      end: 'EOF',
    });
  });

  it('rejects an end that is neither a number nor EOF', () => {
    expect(() => parseLocks('1: POSIX  ADVISORY  WRITE 1234 08:01:1234 0 END\n', '/tmp/locks')).to.throw(
      ParseError,
      /\/tmp\/locks:1: end is not an integer \("END"\)/,
    );
  });

  it('rejects a device that is not hex', () => {
    expect(() => parseLocks('1: POSIX  ADVISORY  WRITE 1234 0g:01:1234 0 EOF\n')).to.throw(ParseError, /locks:1: major is not hexadecimal/);
  });

  it('rejects a truncated row', () => {
    expect(() => parseLocks('1: POSIX  ADVISORY  WRITE 1234\n')).to.throw(
      ParseError,
      /locks:1: expected class mode type pid device:inode start end, found 4 fields/,
    );
  });
});
