/**
 * What every check of the validator shares: the data folder it reads, the problems found so far, and the accounting of
 * rows per file. A check reads its files through `table()` / `json()`, reports through `error()` / `at()`, and takes
 * a row it rejects off its file's count with `markInvalid()` (or lets `keep()` do both), so that every row read is
 * either valid or named in a message.
 */
import type { SiteLink } from './site-links.ts';
import { z } from 'astro/zod';
import type { Issue } from '../issues.ts';
import { decodeText } from '../csv.ts';
import { hiddenChars, type Choice, type TableDef } from '../../schemas/table.ts';
import { EVERY, readTable, type Located, type TableResult } from './read-table.ts';
import { readJson } from './json.ts';
import { firstOfEachKey, foldKey, repeatMessage } from './first-seen.ts';

export { foldKey };
import { personalFindings, type PersonalFinding } from './personal.ts';
import { lineColumn } from '../text-position.ts';
import { suggester } from './suggest.ts';
import { systemFile } from './system-files.ts';

// zod's own messages in Chinese, like ours: the words of any problem `plainMessage` (json.ts) does not rewrite and no
// schema words itself.
// Stryker disable next-line all: every zod problem a test meets is worded by plainMessage or by its schema.
z.config(z.locales.zhCN());

/** The ids of a table that other tables refer to, for the checks of those references. */
export interface IdRegistry<R> {
	/** The rows by id. */
	byId: Map<string, R>;
	/** Every id typed in the file, valid row or not: a reference to an invalid row is not reported again. */
	declared: Set<string>;
	/** The id closest to an unknown one (did you mean). */
	suggest: (id: string) => string | undefined;
}

/** The registry of a table's rows by id and the ids typed in it, with its did-you-mean. */
export function idRegistry<R>(byId: Map<string, R>, declared: Set<string>): IdRegistry<R> {
	return { byId, declared, suggest: suggester(byId.keys()) };
}

/** Read access to a data folder; paths are relative to it and use `/`. */
export interface DataFiles {
	/** File names (not paths) directly inside `dir` (`''` for the top), sorted. */
	list(dir: string): string[];
	/**
	 * Folder names directly inside `dir`, sorted: with it the validator walks the whole folder and names every file no
	 * check reads (a copy saved as `pledges (1).csv`, a CSV in the wrong folder). A view without it is not walked.
	 */
	dirs?(dir: string): string[];
	read(path: string): Uint8Array | undefined;
}

/** Per-file accounting: rows read and rows that passed validation. */
export interface FileCount {
	file: string;
	table: string;
	rowsIn: number;
	rowsValid: number;
	/** Valid rows that are blank placeholders (evidence files only): kept for their ids, neither published nor scored. */
	placeholders?: number;
}

/** The reporter, file reader and row accounting that the checks share (one per validation). */
export class CheckContext {
	readonly files: DataFiles;
	/** Every problem, in the order found. */
	readonly issues: Issue[] = [];
	/** The accounting of each table file, in the order read. */
	readonly counts: FileCount[] = [];
	/** The accounting of each file, by its shown path (a lookup per invalid row, so a map, not a search). */
	private readonly countOf = new Map<string, FileCount>();
	private readonly shown: string;
	/** Each table file's column headers by key (as its table defines them), for the positions of `at`. */
	private readonly headers = new Map<string, Map<string, string>>();
	/** Each table file's option columns by key: a repeated key is shown with the options' Chinese names (`unique`). */
	private readonly choices = new Map<string, Map<string, readonly Choice[]>>();
	private errors = 0;
	/**
	 * The office's own published contacts (site.json's e-mail and phone), set by the check of site.json: the public text
	 * may quote them without a warning.
	 */
	publicContacts: readonly string[] = [];
	/** Links of the office's texts to this site's pages, checked once the site is built (`site-links.ts`). */
	readonly siteLinks: SiteLink[] = [];

	/**
	 * @param files the data folder
	 * @param shown how paths are shown in messages (e.g. `data/`), prefixed to each file's relative path
	 * @param alone the files are checked without their folder (the office page's file mode): each table says every
	 *   repeated key itself (`readTable`'s `alone`), since rows that refer to an absent file are not valid and never
	 *   reach `unique`
	 */
	constructor(files: DataFiles, shown: string, alone = false) {
		// Every path a check reads is remembered: what no check read is named at the end (checks/unknown-files.ts).
		this.files = {
			// What the system or a spreadsheet program made by itself is no data: only the check of unknown files sees
			// it (`allNames`), which names it in a warning, so no check of a folder takes it for a misnamed data file.
			list: (dir) => files.list(dir).filter((name) => systemFile(name) === undefined),
			...(files.dirs ? { dirs: (dir: string) => files.dirs!(dir) } : {}),
			read: (path) => {
				this.read.add(path);
				return files.read(path);
			},
		};
		this.shown = shown;
		this.raw = files;
		this.alone = alone;
	}

	private readonly raw: DataFiles;
	private readonly alone: boolean;

	/** Every file name directly inside `dir`, those `files.list` leaves out too. */
	allNames(dir: string): string[] {
		return this.raw.list(dir);
	}

	/** The paths (relative to the data folder) the checks have read. */
	readonly read = new Set<string>();

	/** A path in the data folder as messages show it. */
	path(rel: string): string {
		return this.shown + rel;
	}

	/** How many errors have been reported so far: a check compares it before and after looking at a row. */
	get errorCount(): number {
		return this.errors;
	}

	/** Reports an error at a place in a file. */
	error(file: string, line: number, column: number, code: string, message: string): void {
		this.errors++;
		this.issues.push({ file, line, column, code, message, severity: 'error' });
	}

	/** Reports a warning at a place in a file: printed, but it does not stop the build. */
	warn(file: string, line: number, column: number, code: string, message: string): void {
		this.issues.push({ file, line, column, code, message, severity: 'warning' });
	}

	/**
	 * Reports an error at a record's cell (its row, and the column of `key`; column 1 if the file has none), with the
	 * row and the column's header as the office's spreadsheet shows them. A warning is reported the same way, and
	 * does not stop the build.
	 */
	at<T>(
		r: Located<T>,
		key: string,
		code: string,
		message: string,
		severity: 'error' | 'warning' = 'error',
	): void {
		const column = r.col(key);
		if (severity === 'error') this.errors++;
		this.issues.push({
			file: r.file,
			line: r.line,
			column: column || 1,
			code,
			message,
			severity,
			field: key,
			row: r.row,
			...(column ? { header: this.headers.get(r.file)?.get(key) } : {}),
		});
	}

	/**
	 * Reports the personal numbers in a text the site publishes whole (a story, a policy document) at their line and
	 * column. Returns whether any is an error (a 身份证号, or any contact where `noContacts`: a candidate's story).
	 */
	personalNumbers(
		file: string,
		text: string,
		noContacts = false,
		shown: readonly { text: string; line: number; column: number }[] = [],
	): boolean {
		const before = this.errors;
		const said = new Set<string>();
		const say = (f: PersonalFinding, line: number, column: number) => {
			said.add(f.message);
			if (f.severity === 'error') this.error(file, line, column, f.code, f.message);
			else this.warn(file, line, column, f.code, f.message);
		};
		for (const f of personalFindings(text, this.publicContacts, noContacts)) {
			const { line, column } = lineColumn(text, f.index);
			say(f, line, column);
		}
		// The text as the site shows it (`shown`: a Markdown text's blocks, a JSON file's strings) can hold a number the
		// source splits or escapes (`1380000**1111**`, `&#51;`, `\u0033`): said at the start of its block or key, once.
		for (const b of shown)
			for (const f of personalFindings(b.text, this.publicContacts, noContacts))
				if (!said.has(f.message)) say(f, b.line, b.column);
		return this.errors !== before;
	}

	/**
	 * Holds a JSON file the site publishes whole (site.json, a rubric) to the rules of the tables' public text: an ID
	 * number in it is an error and a mobile number or e-mail address (other than the office's own) a warning, at their
	 * place in the file (`personalNumbers`); and no text may hold a hidden character (`hiddenChars`), which JSON can
	 * carry as an escape (`\u0000`, `\u202e`) the file does not show: each is reported once per text, at the line of its
	 * key (the first place the key is written), since the escape itself sits in the file as plain letters.
	 */
	publishedJson(rel: string, value: unknown): void {
		const raw = new TextDecoder().decode(this.files.read(rel));
		const keyAt = (key: string) => lineColumn(raw, Math.max(0, raw.indexOf(`"${key}"`)));
		const strings: { text: string; line: number; column: number }[] = [];
		const walk = (v: unknown, key: string) => {
			if (typeof v === 'string') {
				const at = keyAt(key);
				strings.push({ text: v, ...at });
				for (const h of hiddenChars(v))
					this.error(this.path(rel), at.line, at.column, h.code, `"${key}" ${h.message}`);
			} else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
			// Stryker disable next-line ConditionalExpression,LogicalOperator: a validated file holds no null, and Object.entries of a number or a boolean is empty
			else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
		};
		// Stryker disable next-line StringLiteral: the root is an object, so its own key is never reported
		walk(value, '');
		// The strings as parsed too: an escape (`\u0033`) can split a number the file's text does not show whole.
		this.personalNumbers(this.path(rel), raw, false, strings);
	}

	/** Adds problems found by a reader (decoding, parsing, MDX), in their order. */
	report(found: readonly Issue[]): void {
		// One at a time: a badly broken file can have more problems than `push(...)` takes arguments.
		for (const i of found) {
			if (i.severity === 'error') this.errors++;
			this.issues.push(i);
		}
	}

	/** Takes a row off its file's count of valid rows (it is named in an error, or depends on a row that is). */
	markInvalid(r: Located<unknown>): void {
		const c = this.countOf.get(r.file);
		if (c) c.rowsValid--;
	}

	/** Counts a valid row of an evidence file as a blank placeholder. */
	markPlaceholder(r: Located<unknown>): void {
		const c = this.countOf.get(r.file)!;
		c.placeholders = (c.placeholders ?? 0) + 1;
	}

	/**
	 * The records `check` accepts. A record is rejected when the check reports an error while looking at it, or returns
	 * false (it refers to a row that is invalid itself, whose own error covers it); rejected records are taken off
	 * their file's count.
	 */
	keep<T>(records: readonly Located<T>[], check: (r: Located<T>) => boolean): Located<T>[] {
		return records.filter((r) => {
			const before = this.errors;
			const ok = check(r) && this.errors === before;
			if (!ok) this.markInvalid(r);
			return ok;
		});
	}

	/**
	 * Reads and validates a CSV table, reporting its problems (so they are not returned) and counting its rows.
	 * @param required whether a missing file is an error (otherwise it reads as empty)
	 * @param opts.declare key columns whose raw values, valid row or not, `declared()` will be asked for
	 */
	table<T>(
		def: TableDef,
		rel: string,
		required: boolean,
		opts: { declare?: readonly string[] } = {},
	): Omit<TableResult<T>, 'issues'> {
		const bytes = this.files.read(rel);
		if (!bytes) {
			// A missing optional file has no rows: a reference into it is reported.
			if (!required) return { records: [], rowsIn: 0, declared: () => new Set() };
			this.error(
				this.path(rel),
				1,
				1,
				'missing-file',
				`缺少文件 ${this.path(rel)}（${def.title}：${def.doc}）；模板见 data/templates/`,
			);
			// A reference into the missing file is not reported on top of its error: the file is what is missing.
			return { records: [], rowsIn: 0, declared: EVERY };
		}
		const r = readTable<T>(def, bytes, this.path(rel), {
			...opts,
			exempt: this.publicContacts,
			alone: this.alone,
		});
		this.headers.set(this.path(rel), new Map(def.columns.map((c) => [c.key, c.header])));
		this.choices.set(
			this.path(rel),
			new Map(def.columns.flatMap((c) => (c.cell.choices ? [[c.key, c.cell.choices] as const] : []))),
		);
		this.report(r.issues);
		const count = { file: this.path(rel), table: def.name, rowsIn: r.rowsIn, rowsValid: r.records.length };
		this.counts.push(count);
		this.countOf.set(count.file, count);
		return r;
	}

	/** Reads and validates a JSON file (required), reporting its problems; undefined when it is missing or invalid. */
	json<T>(schema: z.ZodType<T>, rel: string): T | undefined {
		const bytes = this.files.read(rel);
		if (!bytes) {
			this.error(this.path(rel), 1, 1, 'missing-file', `缺少文件 ${this.path(rel)}`);
			return undefined;
		}
		// UTF-8 only: decoding reports errors, never a warning.
		const d = decodeText(bytes, this.path(rel), 'utf-8');
		this.report(d.issues);
		if (d.text === undefined) return undefined;
		const r = readJson(schema, d.text, this.path(rel));
		this.report(r.issues);
		return r.value;
	}

	/**
	 * Records whose key repeats an earlier one are errors and are dropped (never silently overwritten). Keys are
	 * compared folded (NFKC, lower case): ids become URLs and file names (`/units/t1/`, `stories/c1.mdx`), and `T1`
	 * and `t1` are one folder on the case-insensitive file systems of Windows and macOS and of many web hosts, so a key
	 * that differs from an earlier one only so is an error naming both rows too (issue 15).
	 */
	unique<T>(
		records: Located<T>[],
		keys: readonly string[],
		label: string,
		show: Readonly<Record<string, (value: never) => string>> = {},
	): Located<T>[] {
		const keyOf = (r: Located<T>) => {
			const v = r.value as Record<string, unknown>;
			return keys.map((key) => String(v[key])).join(' / ');
		};
		// As the clerk typed it: an option by its Chinese name (已兑现, not the code fulfilled the row is stored with),
		// a value a check stores in another form by that check's own words (`show`).
		const shownKey = (r: Located<T>) => {
			const v = r.value as Record<string, unknown>;
			const options = this.choices.get(r.file);
			return keys
				.map((key) => {
					const own = show[key];
					if (own) return own(v[key] as never);
					const choice = options?.get(key)?.find((c) => c.value === v[key]);
					return choice ? choice.label : String(v[key]);
				})
				.join(' / ');
		};
		return firstOfEachKey(records, keyOf, (r, first) => {
			this.at(
				r,
				keys[0],
				'unique-error',
				repeatMessage(label, shownKey(r), first.file, first.line, shownKey(first)),
			);
			this.markInvalid(r);
		});
	}
}
