import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { tcp } from '../../../src/parsers/net/tcp';
import { fixture } from '../../support/fixtures';

describe('net/tcp', () => {
  it('parses Linux 6.x: listeners, established pairs and a TIME_WAIT row', () => {
    const records = tcp.parse(fixture('proc/net/tcp'), 'net/tcp');
    expect(records).to.have.length(7);
    // "   0: 0100007F:9CBB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 14177 1 00000000f964fb2e 100 0 0 10 0"
    expect(records[0]).to.deep.equal({
      sl: 0,
      local_address: '0100007F:9CBB',
      rem_address: '00000000:0000',
      local_ip: '127.0.0.1',
      local_port: 40123,
      rem_ip: '0.0.0.0',
      rem_port: 0,
      st: '0A',
      state: 'LISTEN',
      tx_queue: 0,
      rx_queue: 0,
      tr: 0,
      timer: 'off',
      tm_when: 0,
      retrnsmt: 0,
      uid: 0,
      timeout: 0,
      inode: 14177,
      ref: 1,
      pointer: '00000000f964fb2e',
      rto: 100,
      ato: 0,
      quick_pingpong: 0,
      cwnd: 10,
      ssthresh: 0,
    });
    // TIME_WAIT: "   5: 0100007F:B1C0 0100007F:9CBB 06 00000000:00000000 03:00001765 00000000     0        0 0 3 000000003be44455"
    expect(records[5]).to.deep.equal({
      sl: 5,
      local_address: '0100007F:B1C0',
      rem_address: '0100007F:9CBB',
      local_ip: '127.0.0.1',
      local_port: 45504,
      rem_ip: '127.0.0.1',
      rem_port: 40123,
      st: '06',
      state: 'TIME_WAIT',
      tx_queue: 0,
      rx_queue: 0,
      tr: 3,
      timer: 'timewait',
      tm_when: 0x1765,
      retrnsmt: 0,
      uid: 0,
      timeout: 0,
      inode: 0,
      ref: 3,
      pointer: '000000003be44455',
    });
    expect(records[6]).to.include({
      sl: 6,
      local_ip: '127.0.0.1',
      local_port: 47310,
      rem_ip: '127.0.0.1',
      rem_port: 40124,
      state: 'ESTABLISHED',
      inode: 14185,
      ref: 2,
      rto: 20,
      cwnd: 10,
      ssthresh: -1,
    });
  });

  it('parses Linux 3.2', () => {
    const records = tcp.parse(fixture('linux-3.2/proc/net/tcp'), 'net/tcp');
    expect(records).to.have.length(29);
    expect(records[0]).to.include({
      sl: 0,
      local_ip: '127.0.0.1',
      local_port: 3306,
      rem_ip: '0.0.0.0',
      rem_port: 0,
      state: 'LISTEN',
      uid: 120,
      inode: 13779,
      pointer: 'ffff8807df4e8000',
      ssthresh: -1,
    });
    // "  14: 0E01A8C0:0016 FC01A8C0:C7F0 01 00000000:00000000 02:0002CD61 00000000     0        0 1433169 2 ffff88072d2bb600 21 4 17 10 48"
    expect(records[14]).to.include({
      local_ip: '192.168.1.14',
      local_port: 22,
      rem_ip: '192.168.1.252',
      rem_port: 51184,
      tr: 2,
      timer: 'keepalive',
      tm_when: 0x2cd61,
      rto: 21,
      ato: 4,
      quick_pingpong: 17,
      cwnd: 10,
      ssthresh: 48,
    });
    // "  23: 0E01A8C0:89B2 195EBD5B:0050 08 00000000:00000001 …" (CLOSE_WAIT, one byte unread)
    expect(records[23]).to.include({ state: 'CLOSE_WAIT', st: '08', rx_queue: 1, rem_ip: '91.189.94.25', rem_port: 80 });
    expect(records[28]).to.include({
      sl: 28,
      local_ip: '192.168.1.14',
      local_port: 49168,
      rem_ip: '74.125.136.16',
      rem_port: 993,
      state: 'ESTABLISHED',
      uid: 500,
      inode: 1336385,
      rto: 40,
      ato: 4,
      quick_pingpong: 8,
    });
  });

  it('reads rows off the fixed-width layout: a negative 64-bit tm->when and a wide sl', () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const text =
      `${header}  12: 0E01A8C0:C007 10887D4A:03E1 01 00000000:00000000 01:FFFFFFFFFFFFFFFE 00000003   500        0 1332677 1 ffff88048695b600 38 4 26 10 -1\n` +
      `123456: 0100007F:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 24003 1 ffff8807df4e9440 100 0 0 10 -1\n`;
    const records = tcp.parse(text, 'net/tcp');
    expect(records[0]).to.include({ sl: 12, tr: 1, timer: 'retransmit', tm_when: -2, retrnsmt: 3, rem_ip: '74.125.136.16', rem_port: 993 });
    expect(records[1]).to.include({ sl: 123456, local_ip: '127.0.0.1', local_port: 80, state: 'LISTEN', inode: 24003 });
  });

  it('keeps columns a newer kernel adds, and leaves an unknown state code without a name', () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const record = tcp.parse(
      `${header}   0: 0100007F:0050 00000000:0000 1F 00000000:00000000 00:00000000 00000000     0        0 24003 1 0 100 0 0 10 -1 77 abc\n`,
      'net/tcp',
    )[0];
    expect(record).to.include({ st: '1F', ssthresh: -1 });
    expect(record).to.not.have.property('state');
    expect(record.extra).to.deep.equal(['77', 'abc']);
  });

  it('gives [] for the header alone', () => {
    expect(
      tcp.parse('  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n', 'net/tcp'),
    ).to.deep.equal([]);
  });

  it('rejects a malformed address and a truncated row', () => {
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    expect(() =>
      tcp.parse(
        `${header}   0: 0100007G:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0\n`,
        'net/tcp',
      ),
    ).to.throw(ParseError, /net\/tcp:2: local_address is not a 8-digit hex address \("0100007G"\)/);
    expect(() => tcp.parse(`${header}   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000\n`, '/tmp/tcp')).to.throw(
      ParseError,
      /\/tmp\/tcp:2: expected at least 12 columns, found 6/,
    );
    expect(() =>
      tcp.parse(`${header}   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 x 1 0\n`, 'net/tcp'),
    ).to.throw(ParseError, /net\/tcp:2: inode is not an integer \("x"\)/);
  });
});
