/**
 * Every handler under hostile input: each parse returns records or throws
 * ParseError, never another exception, never a hang. CI runs a modest number
 * of cases per handler; `npm run fuzz` runs many more and prints the seed.
 */
import fc from 'fast-check';
import { handlers } from '../../src/registry';
import { checkParse, fixtureTexts, handlerProperty } from './mutations';

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
            if (problem !== undefined) throw new Error(`${name}: ${problem} on the fixture cut at ${cut}: ${JSON.stringify(text.slice(Math.max(0, cut - 80), cut))}`);
          }
          offset += line.length + 1;
        }
      }
    });
  }
});
