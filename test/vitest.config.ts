import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: new URL('..', import.meta.url).pathname,
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					// Many unit tests run the command-line tools or fuzz the validator: on a loaded two-core machine (load
					// average 8) one of those takes many times what it takes on a quiet one, never Vitest's 5 s.
					testTimeout: 120_000,
					hookTimeout: 120_000,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					globalSetup: ['test/e2e/global-setup.ts'],
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
