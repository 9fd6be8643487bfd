import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseProtocols } from '../../../src/parsers/net/protocols';
import { fixture } from '../../support/fixtures';

const ALL_N_6X = {
  cl: 'n',
  co: 'n',
  di: 'n',
  ac: 'n',
  io: 'n',
  in: 'n',
  de: 'n',
  sh: 'n',
  ss: 'n',
  gs: 'n',
  se: 'n',
  re: 'n',
  bi: 'n',
  br: 'n',
  ha: 'n',
  uh: 'n',
  gp: 'n',
  em: 'n',
};

describe('net/protocols', () => {
  it('parses Linux 6.x (no sp column)', () => {
    const records = parseProtocols(fixture('proc/net/protocols'));
    expect(records).to.have.length(18);
    expect(records[0]).to.deep.equal({
      protocol: 'AF_VSOCK',
      size: 1240,
      sockets: 0,
      memory: -1,
      press: 'NI',
      maxhdr: 0,
      slab: 'yes',
      module: 'kernel',
      ...ALL_N_6X,
      cl: 'y',
    });
    expect(records[17]).to.deep.equal({
      protocol: 'NETLINK',
      size: 1096,
      sockets: 0,
      memory: -1,
      press: 'NI',
      maxhdr: 0,
      slab: 'no',
      module: 'kernel',
      ...ALL_N_6X,
    });
  });

  it('parses Linux 3.2 (with sp)', () => {
    const records = parseProtocols(fixture('linux-3.2/proc/net/protocols'));
    expect(records).to.have.length(17);
    expect(records[0]).to.include({ protocol: 'BNEP', size: 664, sockets: 0, memory: -1, press: 'NI', module: 'bnep', sp: 'n' });
    expect(records[16]).to.include({ protocol: 'NETLINK', size: 744, sockets: 40, module: 'kernel' });
  });

  it('rejects a non-numeric size', () => {
    const text =
      'protocol  size sockets  memory press maxhdr  slab module     cl\nTCP       big      1     1   no      320   yes  kernel      y\n';
    expect(() => parseProtocols(text)).to.throw(ParseError, /net\/protocols:2: size is not an integer/);
  });
});
