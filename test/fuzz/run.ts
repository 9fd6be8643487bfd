/**
 * `npm run fuzz [-- RUNS [HANDLER…]]`: many more cases per handler than CI
 * runs; prints the seed and path of any failure so that it can be replayed
 * with fc.assert(..., { seed, path }).
 */
import fc from 'fast-check';
import { handlers } from '../../src/registry';
import { fixtureTexts, handlerProperty } from './mutations';

const runs = Number(process.argv[2] ?? 2000);
const only = new Set(process.argv.slice(3));
const texts = fixtureTexts();
let failures = 0;
for (const name of Object.keys(handlers).sort()) {
  const handler = handlers[name];
  if (handler.refuse !== undefined || !texts.has(name) || (only.size > 0 && !only.has(name))) continue;
  const result = fc.check(handlerProperty(handler, texts.get(name)!), { numRuns: runs });
  if (result.failed) {
    failures++;
    const error = 'error' in result && result.error !== undefined ? String(result.error) : 'failed';
    process.stdout.write(`FAIL ${name} seed=${result.seed} path=${result.counterexamplePath}\n  ${error.split('\n')[0]}\n`);
  } else {
    process.stdout.write(`ok   ${name} (${runs} cases)\n`);
  }
}
process.stdout.write(`${failures === 0 ? 'no failures' : `${failures} handler(s) failed`}\n`);
process.exitCode = failures === 0 ? 0 : 1;
