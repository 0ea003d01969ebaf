/**
 * The order the test files start in: the longest first, over both projects. Vitest's own order runs one project's
 * files after the other's (all browser files, then all unit files), so the slow unit files (whole builds, the fuzz
 * test) ran at the end with the second worker idle. Longest first over both keeps both workers busy to the end.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each long file took in a full run on a two-core machine (2026-12-02, load average 4–8): the estimate where
 * Vitest has no duration of its own (a clean clone, as CI is). A stale figure only changes the order, never a result.
 */
const KNOWN_SECONDS: Record<string, number> = {
	'test/e2e/readers.test.ts': 130,
	'test/e2e/office.test.ts': 115,
	'test/e2e/privacy.test.ts': 100,
	'test/unit/build.test.ts': 90,
	'test/e2e/search.test.ts': 46,
	'test/unit/fuzz.test.ts': 40,
	'test/e2e/reproducible.test.ts': 34,
	'test/e2e/commitments.test.ts': 31,
	'test/e2e/site.test.ts': 28,
	'test/unit/office.test.ts': 25,
	'test/e2e/exemplars.test.ts': 19,
	'test/e2e/recompute-browser.test.ts': 17,
	'test/e2e/hostile.test.ts': 13,
	'test/e2e/data-pages.test.ts': 13,
	'test/e2e/listings.test.ts': 12,
	'test/e2e/audit.test.ts': 11,
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
