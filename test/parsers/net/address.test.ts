import { expect } from 'chai';
import {
  ipv4FromHostHex,
  ipv4FromNetworkHex,
  ipv4MaskLength,
  ipv6FromHostWordsHex,
  ipv6FromNetworkHex,
} from '../../../src/parsers/net/address';

describe('net address decoding', () => {
  it('reads IPv4 host-order words', () => {
    expect(ipv4FromHostHex('0100007F')).to.equal('127.0.0.1');
    expect(ipv4FromHostHex('0E01A8C0')).to.equal('192.168.1.14');
    expect(ipv4FromHostHex('00FFFFFF')).to.equal('255.255.255.0');
    expect(ipv4FromHostHex('0100007')).to.equal(undefined);
    expect(ipv4FromHostHex('0100007G')).to.equal(undefined);
    expect(ipv4FromNetworkHex('0xe0000001')).to.equal('224.0.0.1');
  });

  it('compresses IPv6 per RFC 5952', () => {
    expect(ipv6FromNetworkHex('00000000000000000000000000000000')).to.equal('::');
    expect(ipv6FromNetworkHex('00000000000000000000000000000001')).to.equal('::1');
    expect(ipv6FromNetworkHex('fe800000000000000000000000000000')).to.equal('fe80::');
    expect(ipv6FromNetworkHex('fe80000000000000ca6000fffe01e486')).to.equal('fe80::ca60:ff:fe01:e486');
    // a single zero group is not shortened; the longer run wins; on a tie the first run
    expect(ipv6FromNetworkHex('20010db8000000010001000100010001')).to.equal('2001:db8:0:1:1:1:1:1');
    expect(ipv6FromNetworkHex('20010000000000010000000000000001')).to.equal('2001:0:0:1::1');
    expect(ipv6FromNetworkHex('20010db8000000000001000000000001')).to.equal('2001:db8::1:0:0:1');
    expect(ipv6FromNetworkHex('00000000000000000000ffffc0000201')).to.equal('::ffff:192.0.2.1');
    expect(ipv6FromNetworkHex('FE80000000000000000000000000000Z')).to.equal(undefined);
  });

  it('reads IPv6 as four host-order words (socket tables)', () => {
    expect(ipv6FromHostWordsHex('00000000000000000000000001000000')).to.equal('::1');
    expect(ipv6FromHostWordsHex('0000000000000000FFFF00000100007F')).to.equal('::ffff:127.0.0.1');
    expect(ipv6FromHostWordsHex('B80D0120000000000000000001000000')).to.equal('2001:db8::1');
  });

  it('gives the prefix length of contiguous masks only', () => {
    expect(ipv4MaskLength('255.255.255.0')).to.equal(24);
    expect(ipv4MaskLength('0.0.0.0')).to.equal(0);
    expect(ipv4MaskLength('255.255.255.255')).to.equal(32);
    expect(ipv4MaskLength('255.0.255.0')).to.equal(undefined);
  });
});
