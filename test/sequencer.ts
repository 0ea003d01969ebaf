/**
 * The order test files start in: the longest first, by a table of how long each took, so that the two workers finish
 * together. Vitest orders files by their durations from its cache, and with no cache (a clean clone, as in CI) by
 * their size, larger first. The browser tests are not slow in proportion to their size: on a clean clone a small
 * file that spends two minutes in the browser (`a11y.test.ts`) started near the end and ran on alone while the other
 * worker idled. Projects still run one after another, as Vitest's own order has them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds per file on a clean clone of a loaded two-core machine (2026-12-02, `npm test` 783 s); a file not listed
 * counts as short. Only the order depends on these numbers, never a result: a stale entry costs time, not a test.
 */
const SECONDS: Record<string, number> = {
	'test/e2e/readers.test.ts': 243,
	'test/e2e/commitments.test.ts': 123,
	'test/e2e/a11y.test.ts': 121,
	'test/e2e/search.test.ts': 95,
	'test/unit/build.test.ts': 71,
	'test/e2e/privacy.test.ts': 66,
	'test/e2e/site.test.ts': 54,
	'test/e2e/exemplars.test.ts': 50,
	'test/e2e/listings.test.ts': 44,
	'test/e2e/hostile.test.ts': 42,
	'test/e2e/office.test.ts': 41,
	'test/e2e/draft-quarter.test.ts': 37,
	'test/e2e/data-pages.test.ts': 32,
	'test/e2e/csp.test.ts': 32,
	'test/unit/fuzz.test.ts': 30,
	'test/e2e/reproducible.test.ts': 30,
	'test/e2e/rules-site.test.ts': 22,
	'test/e2e/recompute-browser.test.ts': 19,
	'test/unit/office.test.ts': 18,
	'test/e2e/audit.test.ts': 10,
	'test/unit/bench-memory.test.ts': 7,
	'test/e2e/home.test.ts': 7,
	'test/unit/cli.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const project = new Map(sorted.map((f) => [f, sorted.findIndex((g) => g.project === f.project)]));
		const seconds = (f: TestSpecification) =>
			SECONDS[f.moduleId.slice(f.project.config.root.length).replace(/^\//, '')] ?? 0;
		// Stable: within a project, files of equal weight keep Vitest's order.
		return [...sorted].sort((a, b) => project.get(a)! - project.get(b)! || seconds(b) - seconds(a));
	}
}
