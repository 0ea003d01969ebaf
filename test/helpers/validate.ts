/**
 * The validator on small variants of the valid fixture, for the tests of each check: patch a file or two, read the
 * report lines exactly as `npm run validate` prints them, and see which rows were kept.
 */
import { validateDataset, type Dataset } from '../../src/lib/validate/dataset.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { fixture, fixtureText } from './files.ts';

export type Patches = Parameters<typeof fixture>[0];

/** The valid fixture with patches, validated with paths shown under `data/`. */
export function validate(patches: Patches = {}): Dataset {
	return validateDataset(fixture(patches), 'data/');
}

/** Every problem of the patched fixture as its report line (`path:line:column: 说明 (code)`), in the order found. */
export function report(patches: Patches = {}): string[] {
	return validate(patches).issues.map(formatIssue);
}

/** A fixture CSV file with rows added at the end (line endings made `\n`, so line numbers read off the file). */
export function withRows(path: string, ...rows: string[]): string {
	const text = fixtureText(path).replace(/\r\n/g, '\n');
	return (text.endsWith('\n') ? text : `${text}\n`) + rows.map((r) => `${r}\n`).join('');
}

/** A CSV text: the fixture file's header line, then `rows`. */
export function onlyRows(path: string, ...rows: string[]): string {
	const header = fixtureText(path).split(/\r?\n/)[0];
	return [header, ...rows].map((r) => `${r}\n`).join('');
}

/** Rows read and rows valid of one file (`path` under the data folder). */
export function accounting(d: Dataset, path: string): { rowsIn: number; rowsValid: number } | undefined {
	const f = d.files.find((c) => c.file === `data/${path}`);
	return f && { rowsIn: f.rowsIn, rowsValid: f.rowsValid };
}

/**
 * The patch that makes the fixture's 2022-Q1 a draft (no release record), for tests of single evidence rows: a
 * released quarter must be complete, and a file holding a few test rows is not. The release's snapshot goes with it.
 */
export const DRAFT_Q1: Patches = {
	'releases/releases.csv': onlyRows('releases/releases.csv'),
	'releases/2022-Q1.json': null,
};
