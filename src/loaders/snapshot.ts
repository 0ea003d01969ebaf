/**
 * The validated dataset, handed from one stage of `npm run build` to the next. The build runs validate → score →
 * account → astro build as separate processes, and each needs the validated dataset: validating a city's data (a
 * million evidence rows) takes seconds each time, reading it back from this snapshot a fraction of that.
 *
 * A snapshot is reused only when it is safe to: within the build that wrote it (`npm run build` sets
 * `XINYONG_BUILD_ID` for its stages; without it nothing is written or read, so a developer who changes the validator
 * and runs `npm run score` gets a fresh validation), for the same data folder, and only if no file of that folder has
 * changed since (path, size and modification time of every file). Only a dataset without errors is written. Any
 * problem reading it means validating again, never a failed build.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Located } from '../lib/validate/read-table.ts';
import type { Dataset } from '../lib/validate/dataset.ts';
import { WorkCalendar } from '../lib/calendar/workdays.ts';
import { INPUT_TABLES } from '../lib/validate/tables.ts';
import { hasErrors } from '../lib/issues.ts';

/** Where the snapshot is kept (next to the score results). */
export const SNAPSHOT = resolve(process.env.CACHE_DIR || '.cache', 'dataset.snapshot');
const VERSION = 1;

/** Path, size and modification time of every file under the data folder, hashed. */
function fingerprint(dir: string): string {
	const h = createHash('sha1');
	const walk = (sub: string) => {
		for (const name of readdirSync(join(dir, sub)).sort()) {
			const rel = sub ? `${sub}/${name}` : name;
			const st = statSync(join(dir, rel));
			if (st.isDirectory()) walk(rel);
			else h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
		}
	};
	walk('');
	return h.digest('hex');
}

/** Every column key of every input table: where a record's `col()` is evaluated before it is stored. */
const KEYS = [...new Set(INPUT_TABLES.flatMap((t) => t.columns.map((c) => c.key)))];

/** A column stored as a dictionary and an index per row (few distinct values), or as the values themselves. */
type PackedColumn = { dict: unknown[]; index: Int32Array } | { values: unknown[] };

/** An array of located records, column by column. */
interface PackedTable {
	packed: true;
	files: string[];
	/** Per file: `col(key)` for every key. */
	columns: Record<string, number>[];
	fileIndex: Int32Array;
	lines: Int32Array;
	keys: string[];
	cells: PackedColumn[];
}

const isLocatedArray = (v: unknown): v is Located<Record<string, unknown>>[] =>
	Array.isArray(v) && v.length > 0 && typeof (v[0] as Located<unknown>)?.col === 'function';

function pack(rows: Located<Record<string, unknown>>[]): PackedTable {
	const files: string[] = [];
	const columns: Record<string, number>[] = [];
	const fileNo = new Map<string, number>();
	const fileIndex = new Int32Array(rows.length);
	const lines = new Int32Array(rows.length);
	const keySet = new Set<string>();
	rows.forEach((r, i) => {
		let f = fileNo.get(r.file);
		if (f === undefined) {
			f = files.length;
			fileNo.set(r.file, f);
			files.push(r.file);
			columns.push(Object.fromEntries(KEYS.map((k) => [k, r.col(k)])));
		}
		fileIndex[i] = f;
		lines[i] = r.line;
		for (const k in r.value) keySet.add(k);
	});
	const keys = [...keySet];
	const cells = keys.map((k): PackedColumn => {
		const dict: unknown[] = [];
		const at = new Map<unknown, number>();
		const index = new Int32Array(rows.length);
		// Columns of mostly distinct values (ids, free text) are stored as they are; a sample decides early.
		const limit = (i: number) => (i < 1000 ? 500 : rows.length / 4);
		for (let i = 0; i < rows.length; i++) {
			const v = rows[i].value[k];
			let j = at.get(v);
			if (j === undefined) {
				if (dict.length > limit(i) || (typeof v === 'object' && v !== null))
					return { values: rows.map((r) => r.value[k]) };
				j = dict.length;
				dict.push(v);
				at.set(v, j);
			}
			index[i] = j;
		}
		return { dict, index };
	});
	return { packed: true, files, columns, fileIndex, lines, keys, cells };
}

function unpack(t: PackedTable): Located<Record<string, unknown>>[] {
	const cols = t.columns.map((c) => (key: string) => c[key] ?? 0);
	const get = t.cells.map((c) =>
		'dict' in c ? (i: number) => c.dict[c.index[i]] : (i: number) => (c as { values: unknown[] }).values[i],
	);
	const out: Located<Record<string, unknown>>[] = new Array(t.lines.length);
	for (let i = 0; i < out.length; i++) {
		const value: Record<string, unknown> = {};
		for (let k = 0; k < t.keys.length; k++) {
			const v = get[k](i);
			if (v !== undefined) value[t.keys[k]] = v;
		}
		out[i] = { value, file: t.files[t.fileIndex[i]], line: t.lines[i], col: cols[t.fileIndex[i]] };
	}
	return out;
}

/** Writes the snapshot of a dataset without errors, when running inside `npm run build`. */
export function saveSnapshot(dir: string, d: Dataset): void {
	const build = process.env.XINYONG_BUILD_ID;
	if (!build || hasErrors(d.issues)) return;
	const fields: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(d)) fields[k] = isLocatedArray(v) ? pack(v) : v;
	try {
		const bytes = serialize({ version: VERSION, build, dir, fingerprint: fingerprint(dir), fields });
		mkdirSync(dirname(SNAPSHOT), { recursive: true });
		// Written aside and renamed, so a reader never sees half a file.
		writeFileSync(`${SNAPSHOT}.tmp`, bytes);
		renameSync(`${SNAPSHOT}.tmp`, SNAPSHOT);
	} catch {
		// Something in the dataset cannot be serialised: the next stage validates again.
	}
}

/** The dataset this build's validation stage saved for `dir`, if it is still current. */
export function readSnapshot(dir: string): Dataset | undefined {
	const build = process.env.XINYONG_BUILD_ID;
	if (!build || !existsSync(SNAPSHOT)) return undefined;
	try {
		const s = deserialize(readFileSync(SNAPSHOT)) as {
			version: number;
			build: string;
			dir: string;
			fingerprint: string;
			fields: Record<string, unknown>;
		};
		if (s.version !== VERSION || s.build !== build || s.dir !== dir || s.fingerprint !== fingerprint(dir))
			return undefined;
		const d: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(s.fields))
			d[k] = (v as PackedTable | undefined)?.packed === true ? unpack(v as PackedTable) : v;
		// The working-day calendar is a class: its state (sets of dates) comes back as a plain object.
		Object.setPrototypeOf(d.calendar as object, WorkCalendar.prototype);
		return d as unknown as Dataset;
	} catch {
		return undefined;
	}
}
