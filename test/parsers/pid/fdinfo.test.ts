import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFdinfo } from '../../../src/parsers/pid/fdinfo';
import { fixture } from '../../support/fixtures';

describe('pid/fdinfo', () => {
  it('parses a plain file: pos, octal flags as written, mnt_id, ino', () => {
    expect(parseFdinfo(fixture('proc/4242/fdinfo/1'), '/proc/4242/fdinfo/1')).to.deep.equal([
      { fd: 1, pos: 22, flags: '0100001', mnt_id: 27, ino: 2146732 },
    ]);
    expect(parseFdinfo(fixture('proc/4242/fdinfo/11'), 'fdinfo/11')).to.deep.equal([
      { fd: 11, pos: 0, flags: '02100000', mnt_id: 27, ino: 612 },
    ]);
  });
  it('parses eventfd lines (count printed in hex)', () => {
    expect(parseFdinfo(fixture('proc/4242/fdinfo/6'), 'fdinfo/6')).to.deep.equal([
      { fd: 6, pos: 0, flags: '02000002', mnt_id: 17, ino: 1039, eventfd: { count: 5, id: 1, semaphore: 0 } },
    ]);
    expect(parseFdinfo('pos:\t0\nflags:\t02\neventfd-count:               1f\n')[0].eventfd).to.deep.equal({ count: 31 });
  });
  it('parses epoll targets, one per tfd line', () => {
    const [r] = parseFdinfo(fixture('proc/4242/fdinfo/7'));
    expect(r.epoll).to.deep.equal([
      { tfd: 6, events: '80000019', data: '6', pos: 0, ino: 0x40f, sdev: '10' },
      { tfd: 3, events: '19', data: '3', pos: 0, ino: 0x2932, sdev: 'f' },
    ]);
  });
  it('parses inotify watches and keeps timerfd lines as written', () => {
    const [ino] = parseFdinfo(fixture('proc/4242/fdinfo/8'));
    expect(ino).to.include({ pos: 0, flags: '00', mnt_id: 17, ino: 1039 });
    expect(ino.watches).to.deep.equal([
      {
        kind: 'inotify',
        fields: {
          wd: '1',
          ino: '3f7e8',
          sdev: 'fe00000',
          mask: '300',
          ignored_mask: '0',
          'fhandle-bytes': '8',
          'fhandle-type': '1',
          f_handle: 'e8f7030000000000',
        },
      },
    ]);
    const [timer] = parseFdinfo(fixture('proc/4242/fdinfo/9'));
    expect(timer.extra).to.deep.equal([
      { name: 'clockid', value: '1' },
      { name: 'ticks', value: '0' },
      { name: 'settime flags', value: '00' },
      { name: 'it_value', value: '(0, 0)' },
      { name: 'it_interval', value: '(0, 0)' },
    ]);
  });
  it('rejects flags that are not octal and a missing pos', () => {
    expect(() => parseFdinfo('pos:\t0\nflags:\t0x8002\n', '/proc/1/fdinfo/3')).to.throw(
      ParseError,
      /\/proc\/1\/fdinfo\/3:2: flags is not octal \("0x8002"\)/,
    );
    expect(() => parseFdinfo('flags:\t02\n')).to.throw(ParseError, /pid\/fdinfo:1: missing pos line/);
  });
});
