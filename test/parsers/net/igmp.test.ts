import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIgmp } from '../../../src/parsers/net/igmp';
import { fixture } from '../../support/fixtures';

describe('net/igmp', () => {
  it('parses Linux 6.x, groups under their interface', () => {
    const records = parseIgmp(fixture('proc/net/igmp'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      idx: 1,
      device: 'lo',
      count: 1,
      querier: 'V3',
      groups: [{ group: '224.0.0.1', group_hex: '010000E0', users: 1, timer_running: 0, timer: 0, reporter: 0 }],
    });
    expect(records[1]).to.deep.equal({
      idx: 4,
      device: 'eth0',
      count: 2,
      querier: 'V3',
      groups: [
        { group: '232.1.2.3', group_hex: '030201E8', users: 1, timer_running: 0, timer: 0, reporter: 0 },
        { group: '224.0.0.1', group_hex: '010000E0', users: 1, timer_running: 0, timer: 0, reporter: 0 },
      ],
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseIgmp(fixture('linux-3.2/proc/net/igmp'));
    expect(records).to.have.length(2);
    expect(records[0]).to.include({ idx: 1, device: 'lo', count: 1, querier: 'V3' });
    expect(records[1]).to.include({ idx: 2, device: 'eth0', count: 1 });
    expect(records[1].groups).to.deep.equal([
      { group: '224.0.0.1', group_hex: '010000E0', users: 1, timer_running: 0, timer: 0, reporter: 0 },
    ]);
  });

  it('reads a running timer', () => {
    const text =
      'Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n2\teth0      :     1      V2\n\t\t\t\tFB0000E0     1 1:000001F4\t\t1\n';
    expect(parseIgmp(text)[0].groups[0]).to.deep.equal({
      group: '224.0.0.251',
      group_hex: 'FB0000E0',
      users: 1,
      timer_running: 1,
      timer: 500,
      reporter: 1,
    });
  });

  it('rejects a group line before any interface and a bad group', () => {
    const header = 'Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n';
    expect(() => parseIgmp(`${header}\t\t\t\t010000E0     1 0:00000000\t\t0\n`)).to.throw(
      ParseError,
      /net\/igmp:2: group line before any interface line/,
    );
    expect(() => parseIgmp(`${header}1\tlo        :     1      V3\n\t\t\t\t010000     1 0:00000000\t\t0\n`)).to.throw(
      ParseError,
      /net\/igmp:3: group is not 8 hex digits/,
    );
  });
});
