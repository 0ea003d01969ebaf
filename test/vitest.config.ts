import { defineConfig } from 'vitest/config';
import LongestFirst from './sequencer.ts';

export default defineConfig({
	root: new URL('..', import.meta.url).pathname,
	test: {
		// Both projects share two workers (Vitest requires one count for projects run together), and the longest files
		// start first whichever project they belong to (see sequencer.ts).
		sequence: { sequencer: LongestFirst },
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					// Many unit tests run the command-line tools or fuzz the validator: on a loaded two-core machine (load
					// average 8) one of those takes many times what it takes on a quiet one, never Vitest's 5 s.
					testTimeout: 120_000,
					hookTimeout: 120_000,
					maxWorkers: 2,
					// The unit files share their worker's modules instead of importing them afresh, file after file: the
					// project took 125–132 s instead of 170 s (2026-12-02), and passes in shuffled order too. The code they
					// test is pure or keeps no state between calls; none of them mocks a module.
					isolate: false,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					// The demo site is built in the background while the unit files run; each browser file waits for it.
					globalSetup: ['test/e2e/global-setup.ts'],
					setupFiles: ['test/e2e/demo-ready.ts'],
					testTimeout: 60_000,
					hookTimeout: 300_000,
					// Two browser test files at a time: most of their time is spent waiting on pages, not computing.
					fileParallelism: true,
					maxWorkers: 2,
				},
			},
		],
	},
});
