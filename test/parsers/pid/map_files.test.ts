import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseMapFiles } from '../../../src/parsers/pid/map_files';
import { fixturePath } from '../../support/fixtures';

describe('pid/map_files', () => {
  it('reads Linux 6.x links: range from the name, file from the target', () => {
    expect(parseFile(fixturePath('proc/4242/map_files/55f90bbfb000-55f90bbfc000')).records).to.deep.equal([
      { start: '55f90bbfb000', end: '55f90bbfc000', target: '/root/.pyenv/versions/3.11.7/bin/python3.11' },
    ]);
    expect(parseFile(fixturePath('proc/4242/map_files/7f1290c1b000-7f1290c1d000')).records).to.deep.equal([
      { start: '7f1290c1b000', end: '7f1290c1d000', target: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2' },
    ]);
  });
  it('rejects a target of two lines', () => {
    expect(() => parseMapFiles('/a\n/b\n', '/proc/1/map_files/1000-2000')).to.throw(
      ParseError,
      /\/proc\/1\/map_files\/1000-2000:2: expected one link target/,
    );
  });
});
