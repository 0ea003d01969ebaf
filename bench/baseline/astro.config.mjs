// @ts-check
// The bare-Astro baseline of `npm run bench` (issue 8): the same Astro, the same output settings as the site
// (static, directory format, trailing slash), no integrations, no content layer — one dynamic route that renders
// BASE_PAGES trivial pages. Our build time is reported as a ratio to this one's.
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://example.invalid',
	outDir: process.env.OUT_DIR || 'dist',
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
});
