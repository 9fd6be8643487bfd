/** README's generated sections must match the tables they are generated from (`npm run readme`). */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { generatedSections, replaceSection } from '../scripts/readme';
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
});
