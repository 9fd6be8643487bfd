import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseEnviron } from '../../../src/parsers/pid/environ';
import { fixture } from '../../support/fixtures';

describe('pid/environ', () => {
  it('parses Linux 6.x, values containing "=" and spaces kept', () => {
    const records = parseEnviron(fixture('proc/4242/environ'));
    expect(records).to.have.length(6);
    expect(records[0]).to.deep.equal({ name: 'PATH', value: '/usr/local/bin:/usr/bin:/bin' });
    expect(records[4]).to.deep.equal({ name: 'LESSOPEN', value: '| /usr/bin/lesspipe %s' });
    expect(records[5]).to.deep.equal({ name: 'QUERY', value: 'a=1&b=2' });
  });
  it('parses Linux 3.2', () => {
    const records = parseEnviron(fixture('linux-3.2/proc/self/environ'));
    expect(records).to.have.length(22);
    expect(records[0]).to.deep.equal({ name: 'SSH_AGENT_PID', value: '17264' });
    expect(records[21]).to.deep.equal({ name: '_', value: '/bin/cat' });
  });
  it('keeps an empty value and rejects an entry without "="', () => {
    expect(parseEnviron('A=\0')).to.deep.equal([{ name: 'A', value: '' }]);
    expect(() => parseEnviron('A=1\0garbage\0', '/proc/1/environ')).to.throw(
      ParseError,
      /\/proc\/1\/environ:2: expected "NAME=value".*"garbage"/,
    );
  });
});
