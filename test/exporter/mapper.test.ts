/** The mapping framework and the exposition formats. */
import { expect } from 'chai';
import { collectors } from '../../collectors/index';
import { serializeFamilies, type MetricFamily } from '../../src/exporter/exposition';
import { applyCollector, checkDefinition, defineCollector } from '../../src/collector';
import { getHandler } from '../../src/registry';

const env = { pageSize: 4096 };

const disks = defineCollector({
  name: 'disks',
  description: 'test',
  defaultEnabled: true,
  reads: { diskstats: 'required' },
  options: { exclude: { type: 'regex', default: '^loop', description: '' }, include: { type: 'regex', default: '', description: '' } },
  filters: [{ subject: 'device', include: 'include', exclude: 'exclude' }],
  metrics: [
    { from: 'diskstats', name: 'x_bytes_total', help: 'h', type: 'counter', labels: { device: 'device' }, value: 'sectors', scale: 512 },
    { from: 'diskstats', name: 'x_flushes_total', help: 'h', type: 'counter', labels: { device: 'device' }, value: 'flushes' },
  ],
});

const records = [
  { device: 'sdb', sectors: 2 },
  { device: 'loop0', sectors: 1 },
  { device: 'sda', sectors: 1, flushes: 7 },
];

describe('mapper', () => {
  it('applies labels, values and scale; drops absent values; sorts families and samples', () => {
    const families = applyCollector(disks, { diskstats: records }, { exclude: '^loop', include: '' }, env);
    expect(families).to.deep.equal([
      {
        name: 'x_bytes_total',
        help: 'h',
        type: 'counter',
        samples: [
          { labels: { device: 'sda' }, value: 512 },
          { labels: { device: 'sdb' }, value: 1024 },
        ],
      },
      { name: 'x_flushes_total', help: 'h', type: 'counter', samples: [{ labels: { device: 'sda' }, value: 7 }] },
    ]);
  });

  it('an include regex replaces the exclude regex', () => {
    const families = applyCollector(disks, { diskstats: records }, { exclude: '^loop', include: '^loop' }, env);
    expect(families[0].samples.map((s) => s.labels.device)).to.deep.equal(['loop0']);
  });

  it('a device that disappears has no series in the next run (absolute values, no state)', () => {
    const first = applyCollector(disks, { diskstats: records }, { exclude: '', include: '' }, env);
    const second = applyCollector(disks, { diskstats: records.slice(0, 1) }, { exclude: '', include: '' }, env);
    expect(first[0].samples).to.have.length(3);
    expect(second[0].samples).to.deep.equal([{ labels: { device: 'sdb' }, value: 1024 }]);
  });

  it('spreads map fields with each/only and derives names by function', () => {
    const def = defineCollector({
      name: 'spread',
      description: 'test',
      defaultEnabled: true,
      reads: { softirqs: 'required' },
      metrics: [
        {
          from: 'softirqs',
          each: 'cpus',
          only: ['CPU1'],
          name: ({ record }) => `y_${record.name}_total`,
          help: 'h',
          type: 'counter',
          labels: { cpu: '$key' },
        },
      ],
    });
    const families = applyCollector(def, { softirqs: [{ name: 'HI', cpus: { CPU0: 1, CPU1: 2 } }] }, {}, env);
    expect(families).to.deep.equal([{ name: 'y_HI_total', help: 'h', type: 'counter', samples: [{ labels: { cpu: 'CPU1' }, value: 2 }] }]);
  });

  it('fails the run on a duplicate series, a type conflict or a non-numeric value', () => {
    const dup = defineCollector({
      ...disks,
      filters: [],
      metrics: [{ from: 'diskstats', name: 'z', help: 'h', type: 'gauge', value: 'sectors' }],
    });
    expect(() => applyCollector(dup, { diskstats: records }, {}, env)).to.throw('duplicate series z{}');
    const conflict = defineCollector({
      ...disks,
      metrics: [
        { from: 'diskstats', name: 'z', help: 'h', type: 'gauge', labels: { device: 'device' }, value: 'sectors' },
        { from: 'diskstats', name: 'z', help: 'h', type: 'untyped', labels: { d: 'device' }, value: 'sectors' },
      ],
    });
    expect(() => applyCollector(conflict, { diskstats: records }, {}, env)).to.throw('z mapped as both gauge and untyped');
    const text = defineCollector({
      ...disks,
      filters: [],
      metrics: [{ from: 'diskstats', name: 'z', help: 'h', type: 'gauge', labels: { device: 'device' }, value: 'device' }],
    });
    expect(() => applyCollector(text, { diskstats: records }, {}, env)).to.throw('is not a number');
  });

  it('every collector in collectors/index.ts is well formed and keyed by its name', () => {
    for (const [key, def] of Object.entries(collectors)) {
      expect(def.name, key).to.equal(key);
      expect(
        checkDefinition(def, (h) => getHandler(h) !== undefined),
        key,
      ).to.deep.equal([]);
    }
  });
});

describe('exposition formats', () => {
  const families: MetricFamily[] = [
    { name: 'a_total', help: 'A "quoted" \\ help\nline', type: 'counter', samples: [{ labels: { l: 'x"y\\z\n' }, value: 1 }] },
    {
      name: 'b',
      help: 'B',
      type: 'untyped',
      samples: [
        { labels: {}, value: NaN },
        { labels: { k: 'v' }, value: Infinity },
      ],
    },
  ];

  it('writes text format 0.0.4', () => {
    expect(serializeFamilies(families, 'text')).to.equal(
      '# HELP a_total A "quoted" \\\\ help\\nline\n# TYPE a_total counter\na_total{l="x\\"y\\\\z\\n"} 1\n# HELP b B\n# TYPE b untyped\nb NaN\nb{k="v"} +Inf\n',
    );
  });

  it('writes OpenMetrics 1.0.0 (counter families without _total, untyped as unknown)', () => {
    expect(serializeFamilies(families, 'openmetrics')).to.equal(
      '# TYPE a counter\n# HELP a A \\"quoted\\" \\\\ help\\nline\na_total{l="x\\"y\\\\z\\n"} 1\n# TYPE b unknown\n# HELP b B\nb NaN\nb{k="v"} +Inf\n',
    );
  });

  it('writes a counter named without _total as unknown in OpenMetrics, so that Prometheus stores the name of the text format', () => {
    const samples = [{ labels: {}, value: 3 }];
    const counter: MetricFamily = { name: 'namedprocess_scrape_errors', help: 'errors', type: 'counter', samples };
    expect(serializeFamilies([counter], 'text')).to.equal(
      '# HELP namedprocess_scrape_errors errors\n# TYPE namedprocess_scrape_errors counter\nnamedprocess_scrape_errors 3\n',
    );
    expect(serializeFamilies([counter], 'openmetrics')).to.equal(
      '# TYPE namedprocess_scrape_errors unknown\n# HELP namedprocess_scrape_errors errors\nnamedprocess_scrape_errors 3\n',
    );
  });
});
