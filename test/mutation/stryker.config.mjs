// @ts-check
/**
 * Mutation testing of the rule modules (issue 16): `npm run mutation`. Stryker changes one operator, condition or
 * literal at a time in the modules below and runs the unit tests that cover it; a change that no test notices
 * ("survived") is a rule the tests do not pin. The summary goes to bench/mutation.json (scripts/mutation.ts).
 *
 * Paths are relative to the repository root, where npm runs it.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
	mutate: [
		// scoring
		'src/lib/scoring/score.ts',
		// the validator's rules
		'src/lib/validate/checks/*.ts',
		'src/lib/validate/context.ts',
		// the exemplar lifecycle and public record
		'src/lib/exemplars/lifecycle.ts',
		'src/lib/exemplars/public.ts',
		'src/lib/exemplars/publish.ts',
		// commitments
		'src/lib/commitments/status.ts',
		'src/lib/commitments/coverage.ts',
		'src/lib/commitments/pledges.ts',
		// working days
		'src/lib/calendar/workdays.ts',
		// USCC
		'src/lib/uscc.ts',
		// the CSV writer (csvCell, inertCell, toCsv and the grades file it writes)
		'src/lib/opendata.ts',
		// releases and the public form of 失信 records
		'src/lib/releases.ts',
		'src/lib/dishonesty/public.ts',
	],
	testRunner: 'vitest',
	vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
	coverageAnalysis: 'perTest',
	// Two shared cores: two test runners at most.
	concurrency: 2,
	// A loaded machine runs a test several times slower than the dry run measured it.
	timeoutMS: 30_000,
	timeoutFactor: 3,
	dryRunTimeoutMinutes: 30,
	incremental: true,
	incrementalFile: '.cache/stryker/incremental.json',
	tempDirName: '.cache/stryker/tmp',
	ignorePatterns: ['dist', '.astro', '.cache', 'bench', '.dist.*'],
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: '.cache/stryker/mutation.html' },
	jsonReporter: { fileName: '.cache/stryker/mutation.json' },
	clearTextReporter: { reportTests: false, reportMutants: false },
	thresholds: { high: 90, low: 80, break: null },
};
