import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseNumaMaps } from '../../../src/parsers/pid/numa_maps';
import { fixture } from '../../support/fixtures';

describe('pid/numa_maps', () => {
  it('parses Linux 6.x', () => {
    const records = parseNumaMaps(fixture('proc/4242/numa_maps'));
    expect(records).to.have.length(128);
    expect(records[0]).to.deep.equal({
      address: '55f90bbfb000',
      policy: 'default',
      file: '/root/.pyenv/versions/3.11.7/bin/python3.11',
      values: { mapped: 1, kernelpagesize_kB: 4 },
      nodes: { N0: 1 },
    });
    expect(records[2]).to.deep.equal({
      address: '55f90bbfd000',
      policy: 'default',
      file: '/root/.pyenv/versions/3.11.7/bin/python3.11',
      values: {},
      nodes: {},
    });
    expect(records[127]).to.deep.equal({
      address: '7fff8e8ab000',
      policy: 'default',
      flags: ['stack'],
      values: { anon: 14, dirty: 14, active: 1, kernelpagesize_kB: 4 },
      nodes: { N0: 14 },
    });
  });
  it('parses Linux 3.2', () => {
    const records = parseNumaMaps(fixture('linux-3.2/proc/self/numa_maps'));
    expect(records).to.have.length(17);
    expect(records[0]).to.deep.equal({
      address: '00400000',
      policy: 'default',
      file: '/bin/cat',
      values: { mapped: 7, mapmax: 2 },
      nodes: { N0: 7 },
    });
    expect(records[3]).to.deep.equal({
      address: '01caf000',
      policy: 'default',
      flags: ['heap'],
      values: { anon: 3, dirty: 3, active: 0 },
      nodes: { N0: 3 },
    });
    expect(records[16]).to.deep.equal({ address: '7fffc37ef000', policy: 'default', values: {}, nodes: {} });
  });
  it('keeps policies written with a space or flags', () => {
    expect(parseNumaMaps('7f00 prefer (many):0-1 anon=1 N1=1\n')[0]).to.deep.equal({
      address: '7f00',
      policy: 'prefer (many):0-1',
      values: { anon: 1 },
      nodes: { N1: 1 },
    });
    expect(parseNumaMaps('7f00 interleave=static:0-3 huge\n')[0]).to.deep.equal({
      address: '7f00',
      policy: 'interleave=static:0-3',
      flags: ['huge'],
      values: {},
      nodes: {},
    });
  });
  it('rejects a count that is not a number and a bad address', () => {
    expect(() => parseNumaMaps('7f00 default anon=x\n', '/proc/1/numa_maps')).to.throw(
      ParseError,
      /\/proc\/1\/numa_maps:1: anon is not an integer \("x"\)/,
    );
    expect(() => parseNumaMaps('7f00 default\nzz default\n')).to.throw(ParseError, /pid\/numa_maps:2: address is not hexadecimal/);
  });
});
