import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseZoneinfo } from '../../src/parsers/zoneinfo';
import { fixture } from '../support/fixtures';

describe('zoneinfo', () => {
  it('parses Linux 6.x: per-node stats, watermarks, protection, counters, pagesets', () => {
    const records = parseZoneinfo(fixture('proc/zoneinfo'));
    expect(records).to.have.length(5);
    const dma = records[0];
    expect(dma).to.include({ node: 0, zone: 'DMA', node_unreclaimable: 0, start_pfn: 1 });
    expect(dma.per_node_stats).to.include({
      nr_inactive_anon: 576,
      nr_active_anon: 376,
      nr_kernel_file_pages: 0,
      workingset_refault_file: 24753,
    });
    expect(Object.keys(dma.per_node_stats!)).to.have.length(51);
    expect(dma.pages).to.deep.equal({
      free: 3840,
      boost: 0,
      min: 68,
      low: 85,
      high: 102,
      promo: 119,
      spanned: 4095,
      present: 3998,
      managed: 3840,
      cma: 0,
    });
    expect(dma.protection).to.deep.equal([0, 3018, 3658, 3658, 3658]);
    expect(dma.stats).to.include({ nr_free_pages: 3840, nr_free_pages_blocks: 3584, numa_other: 0 });
    expect(dma.pagesets).to.deep.equal([
      { cpu: 0, count: 0, high: 0, batch: 1, high_min: 42, high_max: 240, vm_stats_threshold: 4 },
      { cpu: 1, count: 0, high: 0, batch: 1, high_min: 42, high_max: 240, vm_stats_threshold: 4 },
    ]);
    expect(records[1]).to.not.have.property('per_node_stats');
    expect(records[2].pagesets![1]).to.deep.equal({
      cpu: 1,
      count: 1200,
      high: 3234,
      batch: 31,
      high_min: 1839,
      high_max: 10240,
      vm_stats_threshold: 16,
    });
    expect(records[4]).to.deep.equal({
      node: 0,
      zone: 'Device',
      pages: { free: 0, boost: 0, min: 0, low: 0, high: 0, promo: 0, spanned: 0, present: 0, managed: 0, cma: 0 },
      protection: [0, 0, 0, 0, 0],
      stats: {},
    });
  });

  it('parses Linux 3.2: scanned, 4-space counters, all_unreclaimable and inactive_ratio', () => {
    const records = parseZoneinfo(fixture('linux-3.2/proc/zoneinfo'));
    expect(records).to.have.length(3);
    const first = records[0];
    expect(first).to.include({ node: 999, zone: 'DMA', all_unreclaimable: 77, start_pfn: 78, inactive_ratio: 79 });
    expect(first.pages).to.deep.equal({ free: 1, min: 2, low: 3, high: 4, scanned: 5, spanned: 6, present: 7 });
    expect(first.stats).to.include({ nr_free_pages: 8, nr_inactive_anon: 9, numa_other: 39, nr_anon_transparent_hugepages: 40 });
    expect(Object.keys(first.stats)).to.have.length(33);
    expect(first.protection).to.deep.equal([41, 42, 43, 44]);
    expect(first.pagesets).to.have.length(8);
    expect(first.pagesets![0]).to.deep.equal({ cpu: 0, count: 45, high: 46, batch: 47, vm_stats_threshold: 48 });
    expect(first.pagesets![7]).to.deep.equal({ cpu: 7, count: 73, high: 74, batch: 75, vm_stats_threshold: 76 });
    const last = records[2];
    expect(last).to.include({ node: 0, zone: 'Normal', all_unreclaimable: 0, start_pfn: 1048576, inactive_ratio: 16 });
    expect(last.pages).to.deep.equal({ free: 27857, min: 15196, low: 18995, high: 22794, scanned: 0, spanned: 7536640, present: 7418880 });
    expect(last.stats).to.include({ nr_inactive_anon: 224347, numa_hit: 5002773714 });
    expect(last.protection).to.deep.equal([0, 0, 0, 0]);
    expect(last.pagesets![7]).to.deep.equal({ cpu: 7, count: 148, high: 186, batch: 31, vm_stats_threshold: 72 });
  });

  it('keeps an unknown zone field under its own name', () => {
    const [zone] = parseZoneinfo(
      'Node 0, zone   Normal\n  pages free     5\n        min      1\n  start_pfn:           4096\n  new_thing:  7\n',
    );
    expect(zone).to.deep.equal({
      node: 0,
      zone: 'Normal',
      pages: { free: 5, min: 1 },
      stats: {},
      start_pfn: 4096,
      other: { new_thing: 7 },
    });
  });

  it('rejects text where a count must be, with file and line', () => {
    expect(() => parseZoneinfo('Node 0, zone      DMA\n  pages free     3840\n        min      6x\n', '/tmp/zoneinfo')).to.throw(
      ParseError,
      /\/tmp\/zoneinfo:3: expected "name value"/,
    );
    expect(() => parseZoneinfo('Node 0, zone      DMA\n  pages free     3840\n        protection: (0, x)\n')).to.throw(
      ParseError,
      /zoneinfo:3: protection is not an integer \("x"\)/,
    );
  });

  it('rejects lines before the first zone and a broken zone line', () => {
    expect(() => parseZoneinfo('  pages free     3840\n')).to.throw(ParseError, /zoneinfo:1: expected "Node N, zone NAME" first/);
    expect(() => parseZoneinfo('Node 0 DMA\n')).to.throw(ParseError, /zoneinfo:1: expected "Node N, zone NAME"/);
  });
});
