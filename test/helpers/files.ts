/**
 * In-memory data folders for tests: a copy of a fixture folder with some files replaced, added or removed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Papa from 'papaparse';
import type { DataFiles } from '../../src/lib/validate/dataset.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * The rows of one of the demo's data files as the office typed them (`data/<path>`, its BOM dropped), by column
 * name: what a test reads a page against, rather than the open data the page was built from.
 */
export function officeRows(path: string): Record<string, string>[] {
	const text = readFileSync(join(import.meta.dirname, '..', '..', 'data', path), 'utf8').replace(
		/^\uFEFF/,
		'',
	);
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** All files of a folder, by relative path. */
export function readFolder(dir: string): Map<string, Uint8Array> {
	const out = new Map<string, Uint8Array>();
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) walk(f);
			else out.set(relative(dir, f).replace(/\\/g, '/'), new Uint8Array(readFileSync(f)));
		}
	};
	walk(dir);
	return out;
}

/** Writes files (by relative path) into a folder, over what is there. */
export function writeFolder(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
	for (const [path, bytes] of files) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), bytes);
	}
}

/** A DataFiles view of a map of files. */
export function memFiles(files: Map<string, Uint8Array>): DataFiles {
	return {
		list(dir: string) {
			const prefix = dir ? `${dir}/` : '';
			return [...files.keys()]
				.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
				.map((k) => k.slice(prefix.length))
				.sort();
		},
		dirs(dir: string) {
			const prefix = dir ? `${dir}/` : '';
			const names = [...files.keys()]
				.filter((k) => k.startsWith(prefix) && k.slice(prefix.length).includes('/'))
				.map((k) => k.slice(prefix.length).split('/')[0]);
			return [...new Set(names)].sort();
		},
		read: (path: string) => files.get(path),
	};
}

/** The valid fixture with patches: a string or bytes replaces a file, `null` removes it. */
export function fixture(patches: Record<string, string | Uint8Array | null> = {}, base = 'valid'): DataFiles {
	const files = readFolder(join(FIXTURES, base));
	for (const [path, content] of Object.entries(patches)) {
		if (content === null) files.delete(path);
		else files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
	}
	return memFiles(files);
}

/** The text of a fixture file (BOM removed). */
export function fixtureText(path: string, base = 'valid'): string {
	return readFileSync(join(FIXTURES, base, path), 'utf8').replace(/^\uFEFF/, '');
}

/**
 * Makes a copied data folder's releases unsealed: removes the release snapshots (`releases/<季度>.json`) and the
 * fingerprints of releases.csv. For tests that build a copy of a fixture changed so that its published results differ
 * (another rubric, other evidence): a different dataset, not an edit of a released one, which the ledger would refuse.
 */
export function unseal(dataDir: string): void {
	const dir = join(dataDir, 'releases');
	for (const name of readdirSync(dir)) if (name.endsWith('.json')) rmSync(join(dir, name));
	const file = join(dir, 'releases.csv');
	writeFileSync(file, readFileSync(file, 'utf8').replace(/,sha256:[0-9a-f]{64},/g, ',,'));
}

/** The SHA-256 of every file under a folder (hidden files included), by path relative to it: two sites compared. */
export function treeHashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const f = join(d, name);
			if (statSync(f).isDirectory()) walk(f);
			else out[relative(dir, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
		}
	};
	walk(dir);
	return out;
}
