// @ts-check
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// The canonical origin comes from the site identity file of the data folder being built (DATA_DIR).
const dataDir = resolve(process.env.DATA_DIR || 'data');
let site = 'https://example.invalid';
try {
	site = JSON.parse(readFileSync(resolve(dataDir, 'site.json'), 'utf8')).url || site;
} catch {
	// A missing or broken site.json is reported by the validator, which runs before the site build.
}

export default defineConfig({
	site,
	// OUT_DIR lets tests and benchmarks build a dataset without touching the office's dist/.
	outDir: process.env.OUT_DIR || 'dist',
	// Astro's own cache (content-layer data store); tests give each build its own so parallel builds never collide.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	trailingSlash: 'always',
	// Four pages in flight at once: while one page's file is written, the next is rendered. On the large benchmark
	// dataset this took the page-generation phase from about 24 s to 19 s (the disk here is slow; see README 性能).
	// Pages share only memoised, read-only data, so the output is byte-identical to rendering one at a time.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	integrations: [mdx(), sitemap()],
	devToolbar: { enabled: false },
	vite: { build: { assetsInlineLimit: 0 } },
});
