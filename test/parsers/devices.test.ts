import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseDevices } from '../../src/parsers/devices';
import { fixture } from '../support/fixtures';

describe('devices', () => {
  it('parses Linux 6.x', () => {
    const records = parseDevices(fixture('proc/devices'));
    expect(records).to.have.length(27);
    expect(records[0]).to.deep.equal({ type: 'character', major: 1, name: 'mem' });
    expect(records[1]).to.deep.equal({ type: 'character', major: 4, name: '/dev/vc/0' });
    expect(records[22]).to.deep.equal({ type: 'character', major: 254, name: 'ndctl' });
    expect(records[23]).to.deep.equal({ type: 'block', major: 7, name: 'loop' });
    expect(records[26]).to.deep.equal({ type: 'block', major: 259, name: 'blkext' });
  });

  it('parses Linux 3.2', () => {
    const records = parseDevices(fixture('linux-3.2/proc/devices'));
    expect(records).to.have.length(53);
    expect(records[0]).to.deep.equal({ type: 'character', major: 1, name: 'mem' });
    expect(records[29]).to.deep.equal({ type: 'block', major: 1, name: 'ramdisk' });
    expect(records[52]).to.deep.equal({ type: 'block', major: 254, name: 'mdp' });
  });

  it('rejects a major that is not a number', () => {
    expect(() => parseDevices('Character devices:\n  x mem\n', '/tmp/devices')).to.throw(
      ParseError,
      /\/tmp\/devices:2: major is not an integer \("x"\)/,
    );
  });

  it('rejects a device line without a section header', () => {
    expect(() => parseDevices('  1 mem\n')).to.throw(ParseError, /devices:1: device line before/);
  });

  it('rejects a device without a name', () => {
    expect(() => parseDevices('Block devices:\n  7\n')).to.throw(ParseError, /devices:2: missing name/);
  });
});
