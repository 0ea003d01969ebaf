/**
 * The unit project of `test/vitest.config.ts`, as `npm run mutation` runs it under Stryker: the same tests and
 * timeouts, never the browser tests. The Stryker runner takes one config file and no `--project`, hence this file.
 */
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from '../vitest.config.ts';

const unit = (base.test?.projects as TestProjectInlineConfiguration[]).find((p) => p.test?.name === 'unit');
if (!unit?.test) throw new Error('test/vitest.config.ts has no project named unit');

export default defineConfig({
	root: base.root,
	test: {
		...unit.test,
		name: undefined,
		// One module graph for all the test files of a run: each mutant run re-runs the test files that cover it, and
		// importing the validator afresh for each file took two thirds of the time. Mutants are switched at run time
		// (Stryker's mutant schemata), so nothing needs a fresh import; the unit tests pass this way too.
		isolate: false,
		// One worker, as before `npm test` gave the unit project two: a mutation run leaves the other core to others.
		maxWorkers: 1,
		exclude: [
			...configDefaults.exclude,
			// 3,000 fuzzed datasets through the whole validator (15–45 s): it covers nearly every validator mutant, so it
			// would run for each one, and it checks invariants (never throws, no row lost), not the rules that this
			// score measures. `npm test` still runs it.
			'test/unit/fuzz.test.ts',
			// These read the source text (issue codes, labels said once): in Stryker's sandbox that text is the
			// instrumented code, so they fail there whatever the mutant. They pin no rule.
			'test/unit/codes.test.ts',
			'test/unit/labels-said-once.test.ts',
			// Whole-dataset tests that pin no rule but cover every check (a problem report larger than a function call
			// takes arguments, 12 s; the demo data packed for the later build stages, 4 s): they would run for every
			// surviving validator mutant.
			'test/unit/validate-many-problems.test.ts',
			'test/unit/snapshot.test.ts',
		],
	},
});
