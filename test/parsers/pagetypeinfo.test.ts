import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parsePagetypeinfo } from '../../src/parsers/pagetypeinfo';
import { fixture } from '../support/fixtures';

const ORDERS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const byOrder = (counts: number[]): Record<string, number> => Object.fromEntries(ORDERS.map((o, i) => [o, counts[i]]));

describe('pagetypeinfo', () => {
  it('parses Linux 6.x, one record per zone', () => {
    const records = parsePagetypeinfo(fixture('proc/pagetypeinfo'));
    expect(records).to.have.length(3);
    const dma = records[0];
    expect(dma).to.include({ node: 0, zone: 'DMA', page_block_order: 9, pages_per_block: 512 });
    expect(Object.keys(dma.free_pages)).to.deep.equal(['Unmovable', 'Movable', 'Reclaimable', 'HighAtomic', 'Isolate']);
    expect(dma.free_pages.Unmovable).to.deep.equal(byOrder([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]));
    expect(dma.free_pages.Movable).to.deep.equal(byOrder([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3]));
    expect(dma.blocks).to.deep.equal({ Unmovable: 1, Movable: 7, Reclaimable: 0, HighAtomic: 0, Isolate: 0 });
    const normal = records[2];
    expect(normal).to.include({ node: 0, zone: 'Normal' });
    expect(normal.free_pages.Movable).to.deep.equal(byOrder([0, 1, 32, 386, 381, 261, 183, 106, 61, 41, 42]));
    expect(normal.free_pages.Reclaimable).to.deep.equal(byOrder([331, 93, 22, 15, 4, 4, 1, 1, 0, 1, 0]));
    expect(normal.blocks).to.deep.equal({ Unmovable: 40, Movable: 264, Reclaimable: 16, HighAtomic: 0, Isolate: 0 });
  });

  it('parses Linux 3.2 with the Reserve type', () => {
    const records = parsePagetypeinfo(fixture('linux-3.2/proc/pagetypeinfo'));
    expect(records).to.have.length(3);
    expect(records[0].free_pages.Reserve).to.deep.equal(byOrder([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]));
    expect(records[0].blocks).to.deep.equal({ Unmovable: 1, Reclaimable: 0, Movable: 6, Reserve: 1, Isolate: 0 });
    expect(records[2].free_pages.Movable).to.deep.equal(byOrder([73480, 83942, 9994, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(records[2].blocks).to.deep.equal({ Unmovable: 252, Reclaimable: 214, Movable: 14252, Reserve: 2, Isolate: 0 });
  });

  it('keeps the mixed block counts of CONFIG_PAGE_OWNER', () => {
    const text =
      'Page block order: 9\nPages per block:  512\n\n' +
      'Free pages count per migrate type at order       0      1 \n' +
      'Node    0, zone   Normal, type    Unmovable      5      6 \n\n' +
      'Number of blocks type     Unmovable \nNode 0, zone   Normal           40 \n\n' +
      'Number of mixed blocks    Unmovable \nNode 0, zone   Normal            3 \n';
    expect(parsePagetypeinfo(text)).to.deep.equal([
      {
        node: 0,
        zone: 'Normal',
        page_block_order: 9,
        pages_per_block: 512,
        free_pages: { Unmovable: { 0: 5, 1: 6 } },
        blocks: { Unmovable: 40 },
        mixed_blocks: { Unmovable: 3 },
      },
    ]);
  });

  it('rejects text where a count must be, with file and line', () => {
    const text =
      'Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order       0      1 \n' +
      'Node    0, zone      DMA, type    Unmovable      0      z \n';
    expect(() => parsePagetypeinfo(text, '/tmp/pagetypeinfo')).to.throw(
      ParseError,
      /\/tmp\/pagetypeinfo:5: order 1 is not an integer \("z"\)/,
    );
  });

  it('rejects a truncated row', () => {
    const text =
      'Page block order: 9\nPages per block:  512\nFree pages count per migrate type at order       0      1 \n' +
      'Node    0, zone      DMA, type    Unmovable      0\n';
    expect(() => parsePagetypeinfo(text)).to.throw(ParseError, /pagetypeinfo:4: expected a type and 2 counts, found 2 fields/);
  });
});
