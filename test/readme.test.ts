/** README's generated sections must match the tables they are generated from (`npm run readme`). */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { collectors } from '../collectors/index';
import { compressNames, generatedSections, replaceSection } from '../scripts/readme';
import { projectRoot } from './support/fixtures';

describe('README', () => {
  const text = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

  it('has the quick start', () => {
    expect(text).to.include('npm ci && npm start');
    expect(text).to.include('npm test');
  });

  for (const [section, body] of Object.entries(generatedSections())) {
    it(`has an up-to-date "${section}" section (run npm run readme)`, () => {
      expect(replaceSection(text, section, body)).to.equal(text);
    });
  }

  /** `a_{x,y}_t` → a_x_t, a_y_t. */
  const expand = (name: string): string[] => {
    const m = /\{([^}]*)\}/.exec(name);
    if (!m) return [name];
    return m[1].split(',').flatMap((option) => expand(name.slice(0, m.index) + option + name.slice(m.index + m[0].length)));
  };

  it('writes names shortly and exactly: the braces expand to the names given, no more', () => {
    expect(compressNames([{ name: 'a_x_t', labels: '' }, { name: 'a_y_t', labels: '' }, { name: 'a_x_u', labels: 'l' }])).to.deep.equal(['a_{x,y}_t', 'a_x_u{l}']);
    for (const c of Object.values(collectors)) {
      const byLabels = new Map<string, string[]>();
      for (const m of c.metrics) {
        if (typeof m.name !== 'string') continue;
        const labels = Object.keys(m.labels ?? {}).join(',');
        byLabels.set(labels, [...(byLabels.get(labels) ?? []), m.name]);
      }
      for (const [labels, names] of byLabels) {
        const written = compressNames(names.map((name) => ({ name, labels: '' }))).flatMap(expand);
        expect(written.sort(), `${c.name} {${labels}}`).to.deep.equal([...new Set(names)].sort());
      }
    }
  });
});
