import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseCmdline } from '../../src/parsers/cmdline';
import { fixture } from '../support/fixtures';

describe('cmdline', () => {
  it('parses Linux 6.x', () => {
    const [record] = parseCmdline(fixture('proc/cmdline'));
    expect(record.cmdline.startsWith('mitigations=auto,no_guest_host,no_guest_guest console=ttyS0 quiet')).to.equal(true);
    expect(record.cmdline.endsWith('--tcp-readiness-only --auth-required')).to.equal(true);
    expect(record.parameters).to.have.length(31);
    expect(record.parameters[0]).to.equal('mitigations=auto,no_guest_host,no_guest_guest');
    expect(record.parameters[16]).to.equal('--');
    expect(record.parameters[30]).to.equal('--auth-required');
  });

  it('parses Linux 3.2', () => {
    expect(parseCmdline(fixture('linux-3.2/proc/cmdline'))).to.deep.equal([
      {
        cmdline: 'BOOT_IMAGE=/vmlinuz-3.2.0-24-generic root=UUID=a959862a-84b7-4373-b7d6-954ac9005249 ro quiet splash vt.handoff=7',
        parameters: [
          'BOOT_IMAGE=/vmlinuz-3.2.0-24-generic',
          'root=UUID=a959862a-84b7-4373-b7d6-954ac9005249',
          'ro',
          'quiet',
          'splash',
          'vt.handoff=7',
        ],
      },
    ]);
  });

  it('keeps a quoted value with spaces together', () => {
    const [record] = parseCmdline('root=/dev/sda1 dyndbg="file foo.c +p" "quoted word" quiet\n');
    expect(record.parameters).to.deep.equal(['root=/dev/sda1', 'dyndbg="file foo.c +p"', '"quoted word"', 'quiet']);
  });

  it('rejects a second line', () => {
    expect(() => parseCmdline('ro quiet\nsplash\n', '/tmp/cmdline')).to.throw(ParseError, /\/tmp\/cmdline:2: expected one line/);
  });
});
