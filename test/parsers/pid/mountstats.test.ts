import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseMountstats } from '../../../src/parsers/pid/mountstats';
import { fixture } from '../../support/fixtures';

const ZERO_OP = {
  requests: 0,
  transmissions: 0,
  major_timeouts: 0,
  bytes_sent: 0,
  bytes_received: 0,
  cumulative_queue_milliseconds: 0,
  cumulative_total_response_milliseconds: 0,
  cumulative_total_request_milliseconds: 0,
};

describe('pid/mountstats', () => {
  it('parses Linux 6.x (no NFS: device lines only)', () => {
    const records = parseMountstats(fixture('proc/4242/mountstats'));
    expect(records).to.have.length(20);
    expect(records[0]).to.deep.equal({ device: 'proc', mount_point: '/proc', fstype: 'proc' });
    expect(records[19]).to.deep.equal({ device: 'cgroup2', mount_point: '/sys/fs/cgroup/unified', fstype: 'cgroup2' });
  });

  it('parses Linux 3.2 with an NFSv4 mount at statvers=1.0', () => {
    const records = parseMountstats(fixture('linux-3.2/proc/self/mountstats'));
    expect(records).to.have.length(19);
    expect(records[0]).to.deep.equal({ device: 'rootfs', mount_point: '/', fstype: 'rootfs' });
    const nfs = records[18];
    expect(nfs).to.include({ device: '192.168.1.13:/bulk/', mount_point: '/aqui/bulk', fstype: 'nfs4', statvers: '1.0', age: 111 });
    expect(nfs.opts).to.include({
      rw: true,
      vers: '4',
      rsize: '1048576',
      hard: true,
      proto: 'tcp',
      clientaddr: '192.168.1.14',
      local_lock: 'none',
    });
    expect(nfs.caps).to.deep.equal({ caps: '0x7fff', wtmult: 512, dtsize: 32768, bsize: 0, namlen: 255 });
    expect(nfs.nfsv4).to.deep.equal({ bm0: '0xfdffbfff', bm1: '0xf9be3e', acl: '0x3' });
    expect(nfs.sec).to.deep.equal({ flavor: 1, pseudoflavor: 1 });
    expect(nfs.events).to.include({ inode_revalidate: 0, dnode_revalidate: 4, vfs_open: 0, pnfs_write: 0 });
    expect(nfs.events).to.not.have.property('extra');
    expect(nfs.bytes).to.deep.equal({
      read: 0,
      write: 0,
      direct_read: 0,
      direct_write: 0,
      read_total: 0,
      write_total: 0,
      read_pages: 0,
      write_pages: 0,
    });
    const rpc = nfs.rpc!;
    expect(rpc).to.include({ iostats_version: '1.0', program: 100003, version: 4, program_name: 'nfs' });
    expect(rpc.transports).to.deep.equal([
      {
        protocol: 'tcp',
        port: 808,
        bind: 0,
        connect: 1,
        connect_idle_time: 0,
        idle_time_seconds: 82,
        sends: 19,
        receives: 19,
        bad_transaction_ids: 0,
        cumulative_active_requests: 19,
        cumulative_backlog: 0,
      },
    ]);
    expect(rpc.operations).to.have.length(37);
    expect(rpc.operations[0]).to.deep.equal({ operation: 'NULL', ...ZERO_OP });
    expect(rpc.operations[10]).to.deep.equal({
      operation: 'FSINFO',
      requests: 1,
      transmissions: 1,
      major_timeouts: 0,
      bytes_sent: 132,
      bytes_received: 108,
      cumulative_queue_milliseconds: 0,
      cumulative_total_response_milliseconds: 0,
      cumulative_total_request_milliseconds: 0,
    });
    expect(rpc.operations[36]).to.deep.equal({ operation: 'SECINFO', ...ZERO_OP });
  });

  it('parses statvers=1.1 with impl_id, nfsv4 flags, 13 tcp values and per-op errors (synthetic, after nfs_show_stats())', () => {
    const records = parseMountstats(fixture('synthetic/proc/self/mountstats'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({ device: 'proc', mount_point: '/proc', fstype: 'proc' });
    const nfs = records[2];
    expect(nfs).to.include({ device: 'nfs.example.com:/export/home', mount_point: '/home', fstype: 'nfs4', statvers: '1.1', age: 86400 });
    expect(nfs.opts).to.include({ vers: '4.2', sec: 'sys', clientaddr: '192.168.1.20' });
    expect(nfs.impl_id).to.deep.equal({ name: 'NetApp Release 9.8', domain: 'netapp.com', date: '1609459200,0' });
    expect(nfs.nfsv4).to.deep.equal({
      bm0: '0xfdffbfff',
      bm1: '0x40fdbe3e',
      bm2: '0x60803',
      acl: '0x3',
      sessions: true,
      pnfs: 'not configured',
      lease_time: 90,
      lease_expired: 0,
    });
    expect(nfs.events).to.include({
      inode_revalidate: 5321,
      dnode_revalidate: 18734,
      vfs_file_release: 975,
      write_extension: 48,
      silly_rename: 1,
      pnfs_write: 0,
    });
    expect(nfs.bytes).to.deep.equal({
      read: 104857600,
      write: 52428800,
      direct_read: 0,
      direct_write: 0,
      read_total: 105906176,
      write_total: 52690944,
      read_pages: 25856,
      write_pages: 12800,
    });
    expect(nfs.rpc!.transports).to.deep.equal([
      {
        protocol: 'tcp',
        port: 0,
        bind: 1,
        connect: 2,
        connect_idle_time: 0,
        idle_time_seconds: 11,
        sends: 40123,
        receives: 40121,
        bad_transaction_ids: 0,
        cumulative_active_requests: 91234,
        cumulative_backlog: 0,
        maximum_rpc_slots_used: 17,
        cumulative_sending_queue: 40561,
        cumulative_pending_queue: 204,
      },
    ]);
    expect(nfs.rpc!.operations).to.have.length(8);
    expect(nfs.rpc!.operations[2]).to.deep.equal({
      operation: 'WRITE',
      requests: 402,
      transmissions: 403,
      major_timeouts: 1,
      bytes_sent: 52742200,
      bytes_received: 72360,
      cumulative_queue_milliseconds: 2100,
      cumulative_total_response_milliseconds: 30120,
      cumulative_total_request_milliseconds: 32400,
      errors: 2,
    });
    expect(nfs.rpc!.operations[7]).to.include({ operation: 'READDIR', requests: 77, bytes_received: 790012, errors: 0 });
  });

  it('keeps udp transports without connection fields, a "no device" mount, and unknown sections', () => {
    const text = [
      'no device mounted on /x with fstype nfs statvers=1.1',
      '\tfuture:\tsomething new',
      '\tRPC iostats version: 1.1  p/v: 100003/3 (nfs)',
      '\txprt:\tudp 901 0 10 10 0 10 0 4 7 9',
      '\tper-op statistics',
      '\t        NULL: 0 0 0 0 0 0 0 0 0 5',
      '',
    ].join('\n');
    const [r] = parseMountstats(text);
    expect(r).to.not.have.property('device');
    expect(r).to.include({ mount_point: '/x', fstype: 'nfs', statvers: '1.1' });
    expect(r.other_sections).to.deep.equal({ future: 'something new' });
    expect(r.rpc!.transports[0]).to.deep.equal({
      protocol: 'udp',
      port: 901,
      bind: 0,
      sends: 10,
      receives: 10,
      bad_transaction_ids: 0,
      cumulative_active_requests: 10,
      cumulative_backlog: 0,
      maximum_rpc_slots_used: 4,
      cumulative_sending_queue: 7,
      cumulative_pending_queue: 9,
    });
    expect(r.rpc!.operations[0]).to.deep.equal({ operation: 'NULL', ...ZERO_OP, errors: 0, extra: [5] });
  });

  it('rejects malformed lines with file:line', () => {
    const good =
      'device a:/b mounted on /c with fstype nfs statvers=1.0\n\tRPC iostats version: 1.0  p/v: 100003/3 (nfs)\n\tper-op statistics\n';
    expect(() => parseMountstats(`${good}\t        READ: 1 2 x 4 5 6 7 8\n`, '/proc/7/mountstats')).to.throw(
      ParseError,
      /\/proc\/7\/mountstats:4: major_timeouts is not an integer \("x"\)/,
    );
    expect(() => parseMountstats(`${good}\t        READ: 1 2 3\n`)).to.throw(
      ParseError,
      /mountstats:4: expected at least 8 per-op values, found 3/,
    );
    expect(() => parseMountstats('device a mounted at /b with fstype x\n')).to.throw(
      ParseError,
      /mountstats:1: expected "device X mounted on Y with fstype Z"/,
    );
    expect(() => parseMountstats('device a mounted on /b with fstype nfs\n\tevents:\t1 2 3\n')).to.throw(
      ParseError,
      /mountstats:2: expected at least 25 events values, found 3/,
    );
    expect(() => parseMountstats('\tage:\t5\n')).to.throw(ParseError, /mountstats:1: expected a "device … mounted on …" line/);
  });
});
