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
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_ROOT } from './cache-dir.ts';
import { dataListing } from './data-listing.ts';
import { deserialize, serialize } from 'node:v8';
import type { Located } from '../lib/validate/read-table.ts';
import type { Dataset } from '../lib/validate/dataset.ts';
import { WorkCalendar } from '../lib/calendar/workdays.ts';
import { INPUT_TABLES } from '../lib/validate/tables.ts';
import { hasErrors } from '../lib/issues.ts';

/** Where the snapshot is kept (next to the score results). */
export const SNAPSHOT = join(CACHE_ROOT, 'dataset.snapshot');
const VERSION = 3;

/**
 * Path, size and modification time of every file under the data folder (`dataListing`), hashed. A symbolic link is
 * hashed as itself (its target's name), never followed: a dangling or looping link must not crash this, and the
 * validator refuses every link anyway (`data-dir.ts`).
 */
function fingerprint(dir: string): string {
	const h = createHash('sha1');
	for (const [rel, stamp] of dataListing(dir)) h.update(`${rel}\0${stamp}\n`);
	return h.digest('hex');
}

/** Every column key of every input table: where a record's `col()` is evaluated before it is stored. */
const KEYS = [...new Set(INPUT_TABLES.flatMap((t) => t.columns.map((c) => c.key)))];

/**
 * One field of the records, over all rows: the distinct values and, per row, the position of its value among them
 * (−1 when the record has no such field); or, for a field of nearly all distinct values (ids) or of objects, the
 * values themselves, row by row, with no `index`. Repeated values come back as one shared string, not one per row
 * (a quarter's few thousand distinct 事项 texts, not a million copies).
 */
interface PackedField {
	key: string;
	dict: unknown[];
	index?: Int32Array;
}

/** An array of located records, column by column: a few large arrays serialise and load far faster than a
 *  million small objects. */
interface PackedTable {
	packed: true;
	files: string[];
	/** Per file: `col(key)` for every key. */
	columns: Record<string, number>[];
	fileIndex: Int32Array;
	lines: Int32Array;
	/** The rows as a spreadsheet numbers them (`Located.row`). */
	rows: Int32Array;
	/** In the order the records have their keys. */
	fields: PackedField[];
}

const isLocatedArray = (v: unknown): v is Located<Record<string, unknown>>[] =>
	Array.isArray(v) && v.length > 0 && typeof (v[0] as Located<unknown>)?.col === 'function';

/**
 * Every key of the records, in an order each record's own keys follow (records are built column by column, and a
 * few fields are added after), so that records come back with their keys in the order they had.
 */
function keyOrder(rows: Located<Record<string, unknown>>[]): string[] {
	const order: string[] = [];
	let previous: string[] = [];
	for (const r of rows) {
		// Most records have the same keys as the one before: compare first, merge only when they differ.
		let k = 0;
		let same = true;
		for (const key in r.value) if (previous[k++] !== key) same = false;
		if (same && k === previous.length) continue;
		previous = Object.keys(r.value);
		let at = -1;
		for (const key of previous) {
			const i = order.indexOf(key);
			if (i === -1) order.splice(++at, 0, key);
			else at = Math.max(at, i);
		}
	}
	return order;
}

/** One field of the records, as a dictionary and an index (or the values themselves). */
function packField(rows: Located<Record<string, unknown>>[], key: string): PackedField {
	const dict: unknown[] = [];
	const at = new Map<unknown, number>();
	const index = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const v = rows[i].value[key];
		if (v === undefined) {
			index[i] = -1;
			continue;
		}
		// Neighbouring rows often share a value (a unit's rows, a file's quarter): no lookup then.
		if (i > 0 && v === rows[i - 1].value[key]) {
			index[i] = index[i - 1];
			continue;
		}
		let j = at.get(v);
		if (j === undefined) {
			// Objects (list cells) are stored as they are, and so are fields where nearly every value is new (ids):
			// nine in ten over the first ten thousand rows. Free text repeats more the more rows there are.
			if ((typeof v === 'object' && v !== null) || (i >= 10_000 && dict.length > 0.9 * i))
				return { key, dict: rows.map((r) => r.value[key]) };
			j = dict.length;
			dict.push(v);
			at.set(v, j);
		}
		index[i] = j;
	}
	return { key, dict, index };
}

/** An array of located records, column by column. */
function pack(rows: Located<Record<string, unknown>>[]): PackedTable {
	const files: string[] = [];
	const columns: Record<string, number>[] = [];
	const fileNo = new Map<string, number>();
	const fileIndex = new Int32Array(rows.length);
	const lines = new Int32Array(rows.length);
	const rowNumbers = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		let f = fileNo.get(r.file);
		if (f === undefined) {
			f = files.length;
			fileNo.set(r.file, f);
			files.push(r.file);
			columns.push(Object.fromEntries(KEYS.map((k) => [k, r.col(k)])));
		}
		fileIndex[i] = f;
		lines[i] = r.line;
		rowNumbers[i] = r.row;
	}
	const fields = keyOrder(rows).map((key) => packField(rows, key));
	return { packed: true, files, columns, fileIndex, lines, rows: rowNumbers, fields };
}

/** The located records back, each with its keys in the order it had them. */
function unpack(t: PackedTable): Located<Record<string, unknown>>[] {
	const cols = t.columns.map((c) => (key: string) => c[key] ?? 0);
	// The fields' parts in arrays of their own: the loop below runs for every cell of a million rows.
	const keys = t.fields.map((f) => f.key);
	const dicts = t.fields.map((f) => f.dict);
	const indexes = t.fields.map((f) => f.index ?? null);
	const out: Located<Record<string, unknown>>[] = new Array(t.lines.length);
	for (let i = 0; i < out.length; i++) {
		const value: Record<string, unknown> = {};
		for (let f = 0; f < keys.length; f++) {
			const index = indexes[f];
			const v = index === null ? dicts[f][i] : index[i] < 0 ? undefined : dicts[f][index[i]];
			if (v !== undefined) value[keys[f]] = v;
		}
		const file = t.fileIndex[i];
		out[i] = { value, file: t.files[file], line: t.lines[i], row: t.rows[i], col: cols[file] };
	}
	return out;
}

/** A dataset in the form the snapshot stores: each array of located records packed column by column. */
export function packDataset(d: Dataset): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(d)) fields[k] = isLocatedArray(v) ? pack(v) : v;
	return fields;
}

/** The dataset back from `packDataset`'s form (after serialising): the same records, keys in the same order. */
export function unpackDataset(fields: Record<string, unknown>): Dataset {
	const d: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(fields)) {
		if ((v as PackedTable | undefined)?.packed !== true) {
			d[k] = v;
			continue;
		}
		// A table's records are built when it is first read: a stage that never reads the evidence (the check of
		// what reached the site) never holds its million records.
		const settle = (value: unknown) =>
			Object.defineProperty(d, k, { value, enumerable: true, writable: true, configurable: true });
		Object.defineProperty(d, k, {
			enumerable: true,
			configurable: true,
			get: () => {
				const rows = unpack(v as PackedTable);
				settle(rows);
				return rows;
			},
			set: settle,
		});
	}
	// The working-day calendar is a class: its state (sets of dates) comes back as a plain object.
	Object.setPrototypeOf(d.calendar as object, WorkCalendar.prototype);
	return d as unknown as Dataset;
}

/** Writes the snapshot of a dataset without errors, when running inside `npm run build`. */
export function saveSnapshot(dir: string, d: Dataset): void {
	const build = process.env.XINYONG_BUILD_ID;
	if (!build || hasErrors(d.issues)) return;
	try {
		const fields = packDataset(d);
		const bytes = serialize({ version: VERSION, build, dir, fingerprint: fingerprint(dir), fields });
		mkdirSync(dirname(SNAPSHOT), { recursive: true });
		// Written aside and renamed, so a reader never sees half a file.
		writeFileSync(`${SNAPSHOT}.tmp`, bytes);
		renameSync(`${SNAPSHOT}.tmp`, SNAPSHOT);
	} catch {
		// Something in the dataset cannot be serialised: the next stage validates again.
	}
}

/**
 * The dataset this build's validation stage saved for `dir`, if it is still current. When a file of the folder was
 * saved, added or removed since then, the stage fails at once: validating again on its own (a million rows, in
 * each stage at once) would take the memory of several validations, for a build that may not publish anyway
 * (`scripts/build.ts` names the changed files).
 */
export function readSnapshot(dir: string): Dataset | undefined {
	const build = process.env.XINYONG_BUILD_ID;
	if (!build || !existsSync(SNAPSHOT)) return undefined;
	let s: {
		version: number;
		build: string;
		dir: string;
		fingerprint: string;
		fields: Record<string, unknown>;
	};
	try {
		s = deserialize(readFileSync(SNAPSHOT)) as typeof s;
	} catch {
		return undefined;
	}
	if (s.version !== VERSION || s.build !== build || s.dir !== dir) return undefined;
	if (s.fingerprint !== fingerprint(dir))
		throw new Error(
			'检查数据之后，数据目录里有文件被保存、新增或删除，这次构建不再继续，不会发布任何内容；请保存好全部文件后重新运行 npm run build',
		);
	try {
		return unpackDataset(s.fields);
	} catch {
		return undefined;
	}
}
