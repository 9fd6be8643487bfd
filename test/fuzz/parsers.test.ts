/**
 * Every handler under hostile input: each parse returns records or throws
 * ParseError, never another exception, never a hang. CI runs a modest number
 * of cases per handler; `npm run fuzz` runs many more and prints the seed.
 */
import fc from 'fast-check';
import { handlers } from '../../src/registry';
import { fixtureTexts, handlerProperty } from './mutations';

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
