// @ts-check
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The canonical origin comes from the site identity file of the data folder being built (DATA_DIR).
const root = import.meta.dirname;
const dataDir = resolve(root, process.env.DATA_DIR || 'data');
let site = 'https://example.invalid';
try {
	site = JSON.parse(readFileSync(resolve(dataDir, 'site.json'), 'utf8')).url || site;
} catch {
	// A missing or broken site.json is reported by the validator, which runs before the site build.
}

export default defineConfig({
	site,
	// `npm run build` sets OUT_DIR to its private staging folder and swaps the finished site into place
	// (scripts/build.ts); tests and benchmarks build a dataset without touching the office's dist/.
	outDir: resolve(root, process.env.OUT_DIR || 'dist'),
	// Astro's own cache (content-layer data store) belongs to the build's cache folder, so that two builds with their
	// own CACHE_DIR never read each other's content.
	cacheDir: resolve(root, process.env.ASTRO_CACHE_DIR || join(process.env.CACHE_DIR || '.cache', 'astro')),
	trailingSlash: 'always',
	// Four pages in flight at once: while one page's file is written, the next is rendered. On the large benchmark
	// dataset this took the page-generation phase from about 24 s to 19 s (the disk here is slow; see src/docs/performance.md).
	// Pages share only memoised, read-only data, so the output is byte-identical to rendering one at a time.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	// No MDX integration: stories and policy texts are third-party input and never run as MDX (no imports, no
	// expressions, no components); they are parsed and rendered by one sanitising Markdown dialect (src/lib/markdown/).
	// The office page (填报台) is a tool for the office, not a page for the public: out of the sitemap (and of the
	// search index and navigation, see src/pages/office/index.astro).
	integrations: [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/office/') })],
	devToolbar: { enabled: false },
	vite: {
		build: { assetsInlineLimit: 0 },
		// The office page's worker (src/scripts/office-worker.ts) runs the validator, whose Markdown parser decodes
		// entities with decode-named-character-reference: its "browser" build uses `document`, which a worker lacks, so
		// the worker takes the package's "worker" build (the plain table).
		worker: {
			format: 'es',
			plugins: () => [
				{
					name: 'office-worker-no-dom',
					enforce: 'pre',
					resolveId: (id) =>
						id === 'decode-named-character-reference'
							? createRequire(import.meta.url).resolve('decode-named-character-reference')
							: undefined,
				},
			],
		},
	},
});
