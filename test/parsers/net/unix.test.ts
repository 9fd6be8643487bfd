import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseUnix } from '../../../src/parsers/net/unix';
import { fixture } from '../../support/fixtures';

describe('net/unix', () => {
  it('parses Linux 6.x: unbound, path, abstract, listening and SEQPACKET sockets', () => {
    const records = parseUnix(fixture('proc/net/unix'));
    expect(records).to.have.length(9);
    // "0000000073fdc865: 00000003 00000000 00000000 0001 03  1590"
    expect(records[0]).to.deep.equal({
      Num: '0000000073fdc865',
      RefCount: 3,
      Protocol: 0,
      Flags: '00000000',
      Type: '0001',
      St: '03',
      Inode: 1590,
      listening: false,
      flag_names: [],
      type: 'STREAM',
      state: 'CONNECTED',
    });
    expect(records[0]).to.not.have.property('Path');
    expect(records[2]).to.deep.equal({
      Num: '000000000a5b9dd5',
      RefCount: 2,
      Protocol: 0,
      Flags: '00010000',
      Type: '0001',
      St: '01',
      Inode: 14630,
      Path: '/tmp/proc-exporter-fixture.sock',
      listening: true,
      flag_names: ['__SO_ACCEPTCON'],
      type: 'STREAM',
      state: 'UNCONNECTED',
    });
    expect(records[3]).to.include({ type: 'SEQPACKET', Path: '/tmp/proc-exporter-fixture.sock.seq', listening: true });
    expect(records[8]).to.deep.equal({
      Num: '00000000fe369259',
      RefCount: 2,
      Protocol: 0,
      Flags: '00000000',
      Type: '0002',
      St: '01',
      Inode: 14633,
      Path: '@proc-exporter-abstract',
      listening: false,
      flag_names: [],
      type: 'DGRAM',
      state: 'UNCONNECTED',
    });
  });

  it('parses Linux 3.2, whose abstract names keep their NUL padding as written', () => {
    const records = parseUnix(fixture('linux-3.2/proc/net/unix'));
    expect(records).to.have.length(635);
    expect(records[0]).to.include({
      Num: 'ffff8807f6649040',
      RefCount: 2,
      Inode: 17011,
      Path: '/tmp/.X11-unix/X0',
      listening: true,
      state: 'UNCONNECTED',
    });
    expect(records[14]).to.include({ Inode: 1379, Path: '@/com/ubuntu/upstart' });
    expect(records[19].Path!.startsWith('@/org/bluez/audio\u0000')).to.equal(true);
    expect(records[35]).to.include({ Type: '0005', type: 'SEQPACKET', Path: '/run/udev/control' });
    expect(records[634]).to.deep.equal({
      Num: 'ffff8807e23dde40',
      RefCount: 3,
      Protocol: 0,
      Flags: '00000000',
      Type: '0001',
      St: '03',
      Inode: 7376,
      listening: false,
      flag_names: [],
      type: 'STREAM',
      state: 'CONNECTED',
    });
  });

  it('keeps spaces inside a path', () => {
    const text =
      'Num       RefCount Protocol Flags    Type St Inode Path\n' +
      '0000000000000000: 00000002 00000000 00000000 0002 01 14633 /tmp/a dir/sock\n';
    expect(parseUnix(text)[0].Path).to.equal('/tmp/a dir/sock');
  });

  it('rejects a truncated row and a non-hex RefCount', () => {
    const header = 'Num       RefCount Protocol Flags    Type St Inode Path\n';
    expect(() => parseUnix(`${header}0000000073fdc865: 00000003 00000000 00000000 0001\n`)).to.throw(
      ParseError,
      /net\/unix:2: expected at least 7 columns, found 5/,
    );
    expect(() => parseUnix(`${header}0000000073fdc865: 0000000Z 00000000 00000000 0001 03  1590\n`)).to.throw(
      ParseError,
      /net\/unix:2: RefCount is not hexadecimal/,
    );
  });
});
