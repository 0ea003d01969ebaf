/**
 * The order the test files start in: the longest first, over both projects. Vitest's own order runs one project's
 * files after the other's (all browser files, then all unit files), so the slow unit files (whole builds, the fuzz
 * test) ran at the end with the second worker idle. Longest first over both keeps both workers busy to the end.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each long file took in a full run on a two-core machine (2026-12-03, 472 s in all; the fuzz file as it is
 * since its cases went from 5,000 to 3,000): the estimate where Vitest has no duration of its own (a clean clone, as
 * CI is). A stale figure only changes the order, never a result; a long file missing here starts last, and left one
 * worker alone with it at the end of the run (templates.test.ts, 64 s, was missing).
 */
const KNOWN_SECONDS: Record<string, number> = {
	'test/unit/build.test.ts': 130,
	'test/e2e/office.test.ts': 91,
	'test/e2e/readers.test.ts': 69,
	'test/e2e/privacy.test.ts': 69,
	'test/e2e/templates.test.ts': 64,
	'test/unit/fuzz.test.ts': 46,
	'test/unit/office.test.ts': 42,
	'test/e2e/draft-quarter.test.ts': 35,
	'test/e2e/listings.test.ts': 31,
	'test/e2e/commitments.test.ts': 28,
	'test/e2e/site.test.ts': 25,
	'test/e2e/hostile.test.ts': 23,
	'test/e2e/search.test.ts': 23,
	'test/e2e/reproducible.test.ts': 20,
	'test/e2e/rules-site.test.ts': 19,
	'test/e2e/reflow.test.ts': 10,
	'test/e2e/exemplars.test.ts': 9,
	'test/unit/validate/photo-hostile.test.ts': 9,
	'test/unit/cli.test.ts': 9,
	'test/e2e/recompute-browser.test.ts': 9,
	'test/e2e/data-pages.test.ts': 9,
	'test/unit/exemplar-public.test.ts': 8,
	'test/unit/validate-many-problems.test.ts': 6,
	'test/e2e/audit.test.ts': 6,
	'test/unit/bench-memory.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const root = this.ctx.config.root.replace(/\/?$/, '/');
		const seconds = (spec: TestSpecification) => {
			const result = this.ctx.cache.getTestSpecificationResult(spec);
			if (result) return result.duration / 1000;
			return KNOWN_SECONDS[spec.moduleId.slice(root.length)] ?? 0;
		};
		const failed = (spec: TestSpecification) =>
			this.ctx.cache.getTestSpecificationResult(spec)?.failed ? 1 : 0;
		// Files that failed last time first, as Vitest does; then the longest.
		return [...files].sort((a, b) => failed(b) - failed(a) || seconds(b) - seconds(a));
	}
}
