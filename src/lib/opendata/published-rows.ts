/**
 * What the built site actually holds, row by row: for each input file, how many of its rows the published open data
 * (and, where a row has no open-data form, its page) contains. The row accounting (`src/lib/accounting.ts`) says
 * what should be published; the build compares the two after the site is built and fails on any difference, so a
 * row counted as published is one a reader can find. Pure: the built files come in through `site`.
 */
import type { Dataset, FileCount } from '../validate/dataset.ts';

/** Read access to the built site: a JSON file under it (parsed), and whether a file exists. */
export interface BuiltSite {
	json(path: string): unknown;
	exists(path: string): boolean;
	/**
	 * How many rows the open-data JSON file at `path` holds, when that is known without parsing it (the file is,
	 * byte for byte, the one whose rows were counted when it was written); undefined: parse it.
	 */
	knownRows?(path: string): number | undefined;
}

type Rows = Record<string, unknown>[];
const rows = (v: unknown): Rows => (Array.isArray(v) ? (v as Rows) : []);
const sum = (list: Rows, key: string) => list.reduce((n, r) => n + rows(r[key]).length, 0);
/** The rows of a file in the dataset, by their file as shown. */
const inFile = <T>(list: readonly { file: string; value: T }[], file: string) =>
	list.filter((r) => r.file === file).map((r) => r.value);

/**
 * The rows of one input file found in the built site, or undefined for a table whose rows have no published form of
 * their own to count (they are counted as published or withheld by their rules alone).
 */
export function publishedRows(d: Dataset, f: FileCount, site: BuiltSite): number | undefined {
	switch (f.table) {
		case 'units':
			return rows(site.json('data/units.json')).length;
		case 'unit-names':
			return sum(rows(site.json('data/units.json')), 'names');
		case 'evidence': {
			const quarter = f.file.match(/(\d{4}-Q[1-4])\.csv$/)?.[1];
			const path = `data/evidence/${quarter}.json`;
			return quarter && site.exists(path) ? (site.knownRows?.(path) ?? rows(site.json(path)).length) : 0;
		}
		case 'releases':
			return inFile(d.releases, f.file).filter((r) => site.exists(`data/grades/${r.quarter}.json`)).length;
		case 'dishonesty':
			return rows(site.json('data/dishonesty.json')).length;
		case 'candidates':
			return rows(site.json('data/exemplars.json')).length;
		case 'notices':
			return inFile(d.notices, f.file).filter((n) => site.exists(`notices/${n.id}/index.html`)).length;
		case 'events':
			// A revocation, or an upheld objection, is published as its candidate's 已撤销 / 未予认定 with the date.
			return rows(site.json('data/exemplars.json')).filter((e) => e.revokedOn).length;
		case 'commitments':
			return rows(site.json('data/commitments.json')).length;
		case 'commitment-updates':
			return sum(rows(site.json('data/commitments.json')), 'history');
		case 'pledges':
			return rows(site.json('data/pledges.json')).length;
		case 'policies':
			return inFile(d.policies, f.file).filter((p) => site.exists(`policies/${p.id}/index.html`)).length;
		case 'reviews':
		case 'calendar':
			// Never published: the accounting withholds every row, and nothing of them has a public form to find.
			return 0;
		default:
			return undefined;
	}
}
