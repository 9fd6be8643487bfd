import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSoftnetStat } from '../../../src/parsers/net/softnet_stat';
import { fixture } from '../../support/fixtures';

describe('net/softnet_stat', () => {
  it('parses Linux 6.x (15 columns, the CPU printed in the 13th)', () => {
    const records = parseSoftnetStat(fixture('proc/net/softnet_stat'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      cpu: 0,
      cpu_printed: true,
      processed: 0xf,
      dropped: 0,
      time_squeeze: 0,
      throttled: 0,
      fastroute_hit: 0,
      fastroute_success: 0,
      fastroute_defer: 0,
      fastroute_deferred_out: 0,
      cpu_collision: 0,
      received_rps: 0,
      flow_limit_count: 0,
      backlog_len: 0,
      input_qlen: 0,
      process_qlen: 0,
    });
    expect(records[1]).to.include({ cpu: 1, cpu_printed: true, processed: 0xb21 });
  });

  it('parses Linux 3.2 (10 columns, CPUs numbered by row)', () => {
    const records = parseSoftnetStat(fixture('linux-3.2/proc/net/softnet_stat'));
    expect(records).to.have.length(8);
    expect(records[0]).to.deep.equal({
      cpu: 0,
      cpu_printed: false,
      processed: 0x5aff6a,
      dropped: 0,
      time_squeeze: 0,
      throttled: 0,
      fastroute_hit: 0,
      fastroute_success: 0,
      fastroute_defer: 0,
      fastroute_deferred_out: 0,
      cpu_collision: 0,
      received_rps: 0,
    });
    expect(records[7]).to.include({ cpu: 7, processed: 0x7f16 });
    expect(records[7]).to.not.have.property('flow_limit_count');
  });

  it('keeps the printed CPU (offline CPUs are skipped) and later columns', () => {
    const row = (cpu: string) =>
      `00000010 00000001 00000002 00000000 00000000 00000000 00000000 00000000 00000000 00000003 00000004 00000005 ${cpu} 00000006 00000007 00000008\n`;
    const records = parseSoftnetStat(row('00000000') + row('00000003'));
    expect(records[1]).to.include({
      cpu: 3,
      processed: 16,
      dropped: 1,
      time_squeeze: 2,
      received_rps: 3,
      flow_limit_count: 4,
      backlog_len: 5,
      input_qlen: 6,
      process_qlen: 7,
      column_16: 8,
    });
  });

  it('rejects a non-hex column and a short row', () => {
    expect(() => parseSoftnetStat('0000000f 0000000g 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n')).to.throw(
      ParseError,
      /net\/softnet_stat:1: dropped is not hexadecimal/,
    );
    expect(() => parseSoftnetStat('0000000f 00000000\n')).to.throw(ParseError, /net\/softnet_stat:1: expected at least 9 columns, found 2/);
  });

  it('reads the 9 columns of kernels before 2.6.35 (no received_rps yet)', () => {
    const [record] = parseSoftnetStat('0000ffff 00000001 00000002 00000000 00000000 00000000 00000000 00000000 00000003\n');
    expect(record).to.deep.equal({
      cpu: 0,
      cpu_printed: false,
      processed: 65535,
      dropped: 1,
      time_squeeze: 2,
      throttled: 0,
      fastroute_hit: 0,
      fastroute_success: 0,
      fastroute_defer: 0,
      fastroute_deferred_out: 0,
      cpu_collision: 3,
    });
  });
});
