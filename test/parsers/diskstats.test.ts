import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseDiskstats } from '../../src/parsers/diskstats';
import { fixture } from '../support/fixtures';

describe('diskstats', () => {
  it('parses Linux 6.x with discard and flush columns', () => {
    const records = parseDiskstats(fixture('proc/diskstats'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({
      major: 7,
      minor: 0,
      device: 'loop0',
      reads_completed: 0,
      reads_merged: 0,
      sectors_read: 0,
      time_reading_ms: 0,
      writes_completed: 0,
      writes_merged: 0,
      sectors_written: 0,
      time_writing_ms: 0,
      ios_in_progress: 0,
      time_io_ms: 0,
      weighted_time_io_ms: 0,
      discards_completed: 0,
      discards_merged: 0,
      sectors_discarded: 0,
      time_discarding_ms: 0,
      flush_requests: 0,
      time_flushing_ms: 0,
    });
    expect(records[9]).to.include({ major: 253, minor: 0, device: 'zram0', time_flushing_ms: 0 });
  });

  it('parses Linux 3.2 with 14 columns, later columns absent rather than zero', () => {
    const records = parseDiskstats(fixture('linux-3.2/proc/diskstats'));
    expect(records).to.have.length(50);
    const sda = records.find((r) => r.device === 'sda')!;
    expect(sda).to.deep.equal({
      major: 8,
      minor: 0,
      device: 'sda',
      reads_completed: 14346676,
      reads_merged: 11093430,
      sectors_read: 3229288152,
      time_reading_ms: 71720536,
      writes_completed: 1837134,
      writes_merged: 1008542,
      sectors_written: 37618743,
      time_writing_ms: 28179844,
      ios_in_progress: 0,
      time_io_ms: 25435228,
      weighted_time_io_ms: 99886512,
    });
    expect(records[49]).to.include({ major: 8, minor: 80, device: 'sdf' });
    expect(records[49]).to.not.have.property('discards_completed');
  });

  it('rejects text where a count must be, naming file, line and content', () => {
    const text = '   8       0 sda 1 2 3 4 5 6 7 8 0 9 10\n   8       1 sda1 1 2 x 4 5 6 7 8 0 9 10\n';
    expect(() => parseDiskstats(text, '/tmp/diskstats')).to.throw(
      ParseError,
      /\/tmp\/diskstats:2: sectors_read is not an unsigned integer \("x"\)/,
    );
  });

  it('rejects a truncated row', () => {
    expect(() => parseDiskstats('   8       0 sda 1 2 3\n')).to.throw(ParseError, /diskstats:1: expected at least 14 columns, found 6/);
  });

  it('takes the three layouts kernels print (14, 18, 20 columns) and nothing in between', () => {
    const line = (n: number): string => `   8       0 sda ${Array.from({ length: n - 3 }, (_, k) => k + 1).join(' ')}`;
    for (const n of [14, 18, 20]) expect(parseDiskstats(`${line(n)}\n`), `${n}`).to.have.length(1);
    expect(parseDiskstats(`${line(20)}\n`)[0]).to.include({ flush_requests: 16, time_flushing_ms: 17 });
    for (const n of [15, 16, 17, 19]) {
      expect(() => parseDiskstats(`${line(14)}\n${line(n)}\n`), `${n}`).to.throw(
        ParseError,
        `diskstats:2: expected 14, 18 or 20 columns (Linux 2.6.25+, 4.18+, 5.5+), found ${n}`,
      );
    }
    expect(() => parseDiskstats(`${line(21)}\n`)).to.throw(ParseError, 'diskstats:1: expected at most 20 columns, found 21');
  });
});
