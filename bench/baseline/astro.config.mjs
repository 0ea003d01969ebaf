// @ts-check
// The bare-Astro baseline of `npm run bench` (issue 8): the same Astro, the same output and build settings as the
// site (static, directory format, trailing slash, four pages rendered at a time: with Astro's default of one at a
// time it took 5.5 s instead of 3.8 s for the large page count, and the ratio would flatter us), no integrations, no
// content layer — one dynamic route that renders BASE_PAGES trivial pages. Our build time is reported as a ratio to
// this one's.
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://example.invalid',
	outDir: process.env.OUT_DIR || 'dist',
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	devToolbar: { enabled: false },
});
