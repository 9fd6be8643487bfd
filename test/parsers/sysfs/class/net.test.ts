import { expect } from 'chai';
import * as fs from 'fs';
import { ParseError } from '../../../../src/errors';
import { NET_CLASS_ATTRIBUTES, type NetClassAttribute } from '../../../../src/parsers/formats/net-class-attribute';
import { getHandler } from '../../../../src/registry';
import { parseFile } from '../../../../src/parse';
import { fixture, fixturePath } from '../../../support/fixtures';

const handler = (attribute: NetClassAttribute) => getHandler(`sysfs/class/net/${attribute}`)!;
const read = (tree: string, device: string, attribute: NetClassAttribute) =>
  handler(attribute).parse(fixture(`${tree}/class/net/${device}/${attribute}`), attribute);

describe('sysfs/class/net/* (net device attributes)', () => {
  it('has one handler per attribute node_exporter reads, each under the sysfs root', () => {
    expect(NET_CLASS_ATTRIBUTES).to.have.length(26);
    for (const attribute of NET_CLASS_ATTRIBUTES) {
      expect(handler(attribute).pattern).to.equal(`class/net/*/${attribute}`);
      expect(handler(attribute).root).to.equal('sysfs');
    }
  });

  it('parses the captured eth0 (virtio, up)', () => {
    expect(read('sys', 'eth0', 'mtu')).to.deep.equal([{ value: 1400 }]);
    expect(read('sys', 'eth0', 'flags')).to.deep.equal([{ value: 0x1003 }]);
    expect(read('sys', 'eth0', 'dev_id')).to.deep.equal([{ value: 0 }]);
    expect(read('sys', 'eth0', 'speed')).to.deep.equal([{ value: -1 }]);
    expect(read('sys', 'eth0', 'operstate')).to.deep.equal([{ value: 'up' }]);
    expect(read('sys', 'eth0', 'address')).to.deep.equal([{ value: '02:fc:00:00:00:01' }]);
    expect(read('sys', 'eth0', 'duplex')).to.deep.equal([{ value: 'unknown' }]);
    expect(read('sys', 'eth0', 'ifalias'), 'no alias: an empty file').to.deep.equal([]);
    expect(read('sys', 'eth0', 'carrier_changes')).to.deep.equal([{ value: 2 }]);
  });

  it('parses the captured lo (loopback, operstate unknown)', () => {
    expect(read('sys', 'lo', 'type')).to.deep.equal([{ value: 772 }]);
    expect(read('sys', 'lo', 'mtu')).to.deep.equal([{ value: 65536 }]);
    expect(read('sys', 'lo', 'flags')).to.deep.equal([{ value: 9 }]);
    expect(read('sys', 'lo', 'operstate')).to.deep.equal([{ value: 'unknown' }]);
  });

  it('parses text with spaces and a port id', () => {
    expect(read('synthetic/sys', 'enp1s0', 'ifalias')).to.deep.equal([{ value: 'uplink to switch 3, port 12' }]);
    expect(read('synthetic/sys', 'enp1s0', 'phys_port_id')).to.deep.equal([{ value: '00aabbccddeeff01' }]);
    expect(read('synthetic/sys', 'enp1s0', 'phys_switch_id')).to.deep.equal([{ value: '0123456789abcdef' }]);
    expect(read('synthetic/sys', 'veth9a1b2c3', 'iflink')).to.deep.equal([{ value: 8 }]);
  });

  it('resolves a live-looking path and gives no record for a read that fails by design', () => {
    const file = fixturePath('sys/class/net/ifb0/mtu');
    expect(parseFile(file)).to.deep.equal({ source: file, handler: 'sysfs/class/net/mtu', records: [{ value: 1500 }] });
    expect(fs.existsSync(fixturePath('sys/class/net/ifb0/speed')), 'the capture leaves out reads that failed').to.equal(false);
  });

  it('gives no record for an empty file', () => {
    expect(handler('mtu').parse('', 'mtu')).to.deep.equal([]);
    expect(handler('operstate').parse('', 'operstate')).to.deep.equal([]);
  });

  it('rejects a number that is not one', () => {
    expect(() => handler('mtu').parse('fifteen hundred\n', '/sys/class/net/x/mtu')).to.throw(
      ParseError,
      /\/sys\/class\/net\/x\/mtu:1: expected one number, found 2 fields/,
    );
    expect(() => handler('speed').parse('1e3\n', 'speed')).to.throw(ParseError, /speed:1: value is not an integer \("1e3"\)/);
    expect(() => handler('flags').parse('0x10g3\n', 'flags')).to.throw(ParseError, /flags:1: value is not an integer \("0x10g3"\)/);
  });

  it('rejects a second line', () => {
    expect(() => handler('mtu').parse('1500\n9000\n', 'mtu')).to.throw(ParseError, /mtu:2: expected one line/);
    expect(() => handler('ifalias').parse('a\nb\n', 'ifalias')).to.throw(ParseError, /ifalias:2: expected one line/);
  });
});
