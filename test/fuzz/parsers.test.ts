/**
 * Every handler under hostile input: each parse returns records or throws
 * ParseError, never another exception, never a hang, and no record holds a
 * non-finite number. CI runs a modest number of random cases per handler
 * (`npm run fuzz` runs many more and prints the seed), plus two
 * deterministic sweeps of every fixture: cut at every line, and every number
 * of the first lines grown to 400 digits.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { handlers } from '../../src/registry';
import { checkParse, fixtureTexts, handlerProperty, HUGE_NUMBER } from './mutations';

const CASES_PER_HANDLER = 60;

describe('parsers under hostile input (fast-check)', () => {
  const texts = fixtureTexts();
  for (const name of Object.keys(handlers).sort()) {
    const handler = handlers[name];
    if (handler.refuse !== undefined || !texts.has(name)) continue;
    it(`${name}: returns records or throws ParseError`, () => {
      fc.assert(handlerProperty(handler, texts.get(name)!), { numRuns: CASES_PER_HANDLER });
    });
  }
});

/** Lines of each fixture cut at: every line boundary, and mid-line, for fixtures up to this many lines (longer: the first ones). */
const TRUNCATED_LINES = 120;

describe('parsers on every truncation of every fixture (deterministic)', () => {
  const texts = fixtureTexts();
  for (const name of Object.keys(handlers).sort()) {
    const handler = handlers[name];
    if (handler.refuse !== undefined || !texts.has(name)) continue;
    it(`${name}: each fixture cut after every line and in the middle of every line`, () => {
      for (const text of texts.get(name)!) {
        const lines = text.split('\n').slice(0, TRUNCATED_LINES);
        let offset = 0;
        for (const line of lines) {
          for (const cut of [offset, offset + Math.floor(line.length / 2), offset + line.length]) {
            const problem = checkParse(handler, text.slice(0, cut));
            if (problem !== undefined)
              throw new Error(
                `${name}: ${problem} on the fixture cut at ${cut}: ${JSON.stringify(text.slice(Math.max(0, cut - 80), cut))}`,
              );
          }
          offset += line.length + 1;
        }
      }
    });
  }
});

/** Lines of each fixture whose numbers are grown, and numbers per line (the first ones). */
const GROWN_LINES = 40;
const GROWN_PER_LINE = 12;

describe('parsers with each number of a fixture grown to 400 digits (deterministic)', () => {
  const texts = fixtureTexts();
  for (const name of Object.keys(handlers).sort()) {
    const handler = handlers[name];
    if (handler.refuse !== undefined || !texts.has(name)) continue;
    // Fixtures without a digit (names-only tables) have nothing to grow.
    if (!texts.get(name)!.some((text) => /\d/.test(text.split('\n').slice(0, GROWN_LINES).join('\n')))) continue;
    it(`${name}: each of the first numbers of the first ${GROWN_LINES} lines, one at a time: records with finite numbers, or ParseError`, () => {
      let cases = 0;
      for (const text of texts.get(name)!) {
        const lines = text.split('\n').slice(0, GROWN_LINES);
        for (let i = 0; i < lines.length; i++) {
          const runs = [...lines[i].matchAll(/\d+/g)].slice(0, GROWN_PER_LINE);
          for (const run of runs) {
            const line = lines[i].slice(0, run.index) + HUGE_NUMBER + lines[i].slice(run.index + run[0].length);
            const mutated = [...lines.slice(0, i), line, ...lines.slice(i + 1)].join('\n');
            const problem = checkParse(handler, mutated);
            if (problem !== undefined)
              throw new Error(
                `${name}: ${problem} with number ${JSON.stringify(run[0])} of line ${i + 1} grown: ${JSON.stringify(line.slice(0, 120))}`,
              );
            cases++;
          }
        }
      }
      expect(cases).to.be.greaterThan(0);
    });
  }
});
