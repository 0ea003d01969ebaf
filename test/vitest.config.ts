import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: new URL('..', import.meta.url).pathname,
	test: {
		projects: [
			{ test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					globalSetup: ['test/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 300_000,
					fileParallelism: false,
				},
			},
		],
	},
});
