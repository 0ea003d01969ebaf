// @ts-check
/**
 * Mutation testing of the rule modules (issue 16): `npm run mutation`. Stryker changes one operator, condition or
 * literal at a time in the modules of `modules.mjs` and runs the unit tests that cover it; a change that no test
 * notices ("survived") is a rule the tests do not pin. scripts/mutation.ts runs one module at a time, naming it in
 * MUTATION_MODULE, and writes the summary to bench/mutation.json.
 *
 * Paths are relative to the repository root, where npm runs it.
 */
import { MODULES } from './modules.mjs';

const chosen = MODULES.find((m) => m.id === process.env.MUTATION_MODULE);
if (!chosen) throw new Error(`MUTATION_MODULE must name one of ${MODULES.map((m) => m.id).join(', ')}`);
const out = `.cache/stryker/${chosen.id}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	mutate: chosen.mutate,
	testRunner: 'vitest',
	vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
	coverageAnalysis: 'perTest',
	// One test runner: the machine's two cores are shared with other people's full test runs, and a mutation run
	// must leave them a core.
	concurrency: 1,
	// A loaded machine runs a test several times slower than the dry run measured it.
	timeoutMS: 30_000,
	timeoutFactor: 3,
	dryRunTimeoutMinutes: 30,
	incremental: true,
	incrementalFile: `${out}/incremental.json`,
	tempDirName: '.cache/stryker/tmp',
	// Anchored to the project: an unanchored 'bench' also left scripts/lib/bench/ out of the sandbox, and the tests
	// that import it failed the dry run.
	ignorePatterns: ['/dist', '/.astro', '/.cache', '/bench', '/.dist.*'],
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: `${out}/mutation.html` },
	jsonReporter: { fileName: `${out}/mutation.json` },
	clearTextReporter: { reportTests: false, reportMutants: false },
	thresholds: { high: 90, low: 80, break: null },
};
