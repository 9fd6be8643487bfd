import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseStat } from '../../../src/parsers/pid/stat';
import { fixture } from '../../support/fixtures';

describe('pid/stat', () => {
  it('parses Linux 6.x with all 52 fields named', () => {
    const records = parseStat(fixture('proc/4242/stat'));
    expect(records).to.have.length(1);
    const r = records[0];
    expect(r).to.include({
      pid: 7984,
      comm: 'python3',
      state: 'S',
      ppid: 1,
      pgrp: 7939,
      session: 4782,
      tty_nr: 0,
      tpgid: -1,
      flags: 4194304,
    });
    expect(r).to.include({
      minflt: 2217,
      utime: 1,
      stime: 0,
      priority: 20,
      nice: 0,
      num_threads: 1,
      starttime: 48424,
      vsize: 17510400,
      rss: 3583,
    });
    expect(r.rsslim).to.equal(18446744073709551615);
    expect(r).to.include({ startcode: 94528132333568, sigignore: 16781318, sigcatch: 0, exit_signal: 17, processor: 0 });
    expect(r).to.include({ start_data: 94528132345264, env_end: 140735584976847, exit_code: 0 });
    expect(Object.keys(r)).to.have.length(52);
  });

  it('parses Linux 3.2 with 44 fields, later fields absent', () => {
    const [r] = parseStat(fixture('linux-3.2/proc/self/stat'));
    expect(r).to.include({
      pid: 10781,
      comm: 'cat',
      state: 'R',
      ppid: 4289,
      tty_nr: 34829,
      flags: 4202496,
      starttime: 458272052,
      vsize: 7356416,
      rss: 88,
    });
    expect(r).to.include({ processor: 5, rt_priority: 0, policy: 0, delayacct_blkio_ticks: 0, guest_time: 0, cguest_time: 0 });
    expect(Object.keys(r)).to.have.length(44);
    expect(r).to.not.have.property('start_data');
    expect(r).to.not.have.property('exit_code');
  });

  it('splits at the last ")" when the command name holds spaces and parentheses', () => {
    const [r] = parseStat(fixture('synthetic/proc/1234/stat'));
    expect(r).to.include({
      pid: 1234,
      comm: 'my (weird) proc',
      state: 'S',
      ppid: 1200,
      tty_nr: 34816,
      num_threads: 3,
      processor: 1,
      delayacct_blkio_ticks: 5,
      exit_code: 0,
    });
    expect(Object.keys(r)).to.have.length(52);
  });

  it('keeps a command name holding a newline (printed raw by the kernel)', () => {
    const line =
      '5 (a\nb) S 1 5 5 0 -1 4194304 1 0 0 0 0 0 0 0 20 0 1 0 100 1000 10 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n';
    expect(parseStat(line)[0]).to.include({ pid: 5, comm: 'a\nb', state: 'S', ppid: 1, starttime: 100, policy: 0 });
  });

  it('rejects text where a number must be, and a truncated line', () => {
    expect(() =>
      parseStat(
        '1 (init) S 0 1 1 0 -1 x 1 2 3 4 5 6 7 8 20 0 1 0 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 17 0 0 0\n',
        '/proc/1/stat',
      ),
    ).to.throw(ParseError, /\/proc\/1\/stat:1: flags is not an integer \("x"\)/);
    expect(() => parseStat('1 (init) S 0 1 1 0\n')).to.throw(ParseError, /pid\/stat:1: expected at least 41 fields, found 7/);
    expect(() => parseStat('1 init S 0\n')).to.throw(ParseError, /pid\/stat:1: expected "pid \(comm\) state/);
    expect(() => parseStat(`${fixture('proc/4242/stat')}garbage 1 2\n`)).to.throw(
      ParseError,
      /pid\/stat:1: expected one line after the command name/,
    );
  });
});
