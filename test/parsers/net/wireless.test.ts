import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseWireless } from '../../../src/parsers/net/wireless';
import { fixture } from '../../support/fixtures';

describe('net/wireless', () => {
  it('parses the synthetic file, trailing dots as update marks', () => {
    const records = parseWireless(fixture('synthetic/proc/net/wireless'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      interface: 'wlan0',
      status: '0000',
      link: 70,
      link_updated: true,
      level: -40,
      level_updated: true,
      noise: -256,
      noise_updated: false,
      nwid: 0,
      crypt: 0,
      frag: 0,
      retry: 3,
      misc: 12,
      beacon: 0,
      we: 22,
    });
    expect(records[1]).to.deep.equal({
      interface: 'wlp3s0',
      status: '0000',
      link: 45,
      link_updated: true,
      level: -65,
      level_updated: true,
      noise: -256,
      noise_updated: true,
      nwid: 0,
      crypt: 2,
      frag: 0,
      retry: 117,
      misc: 48,
      beacon: 5,
      we: 22,
    });
  });

  it('parses the header alone as no records', () => {
    const header =
      'Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n';
    expect(parseWireless(header)).to.deep.equal([]);
  });

  it('rejects a level that is not a number', () => {
    const text =
      'Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n' +
      ' wlan0: 0000   70.  -4x.  -256        0      0      0      3     12        0\n';
    expect(() => parseWireless(text)).to.throw(ParseError, /net\/wireless:3: level is not an integer/);
  });
});
