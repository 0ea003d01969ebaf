/**
 * `src/lib/` is pure TypeScript that the build, the scripts and the browser (the 填报台 worker, the 复算 page) share:
 * nothing it imports, directly or through another module of the project, may read the disk, reach Astro's virtual
 * modules or the loaders. This walks the imports, so a helper that starts reading a file is caught where it is added.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LIB = join(ROOT, 'src', 'lib');
/** What lib may not import: Astro's virtual modules, the file system, and the folders that feed pages from disk. */
const FORBIDDEN_MODULE = /^(astro:|node:fs|fs$|fs\/)/;
const FORBIDDEN_FOLDER = ['src/loaders/', 'src/page-data/', 'src/pages/', 'scripts/'];

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
	);
}

/** The imports of a file, without comments (a JSDoc may name a module it does not import). */
function imports(file: string): string[] {
	const code = readFileSync(file, 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
	return [...code.matchAll(SPECIFIER)].map((m) => m[1]);
}

/** Every problem reachable from a lib module: `chain → what` for each forbidden import. */
function impurities(entry: string): string[] {
	const found: string[] = [];
	const seen = new Set<string>();
	const walk = (file: string, chain: string[]) => {
		if (seen.has(file)) return;
		seen.add(file);
		const here = [...chain, relative(ROOT, file)];
		for (const spec of imports(file)) {
			if (FORBIDDEN_MODULE.test(spec)) found.push(`${here.join(' → ')} → ${spec}`);
			if (!spec.startsWith('.')) continue;
			const target = resolve(dirname(file), spec);
			const rel = relative(ROOT, target);
			if (FORBIDDEN_FOLDER.some((f) => rel.startsWith(f))) found.push(`${here.join(' → ')} → ${rel}`);
			else if (existsSync(target) && /\.(ts|mjs)$/.test(target)) walk(target, here);
		}
	};
	walk(entry, []);
	return found;
}

describe('src/lib/', () => {
	it('imports nothing from astro:*, node:fs, the loaders or the page data, directly or through another module', () => {
		const found = [...new Set(sources(LIB).flatMap(impurities))];
		expect(found).toEqual([]);
	});

	it('would be caught importing the file system through another module', () => {
		// The walker itself: a lib module that reaches the loaders through a page-data helper is named with its chain.
		const found = impurities(join(ROOT, 'test', 'fixtures', 'impure-lib', 'entry.ts'));
		expect(found).toEqual([
			'test/fixtures/impure-lib/entry.ts → test/fixtures/impure-lib/helper.ts → node:fs',
			'test/fixtures/impure-lib/entry.ts → test/fixtures/impure-lib/helper.ts → astro:content',
		]);
	});
});
