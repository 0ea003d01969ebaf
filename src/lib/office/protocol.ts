/**
 * The messages between the office page (/office/) and its Web Worker, which holds the opened data folder, reads
 * workbooks and runs the validator, so that the page stays responsive with a 50,000-row file.
 */
import type { Issue } from '../issues.ts';
import type { FixChange } from '../validate/fix.ts';

/**
 * A file the clerk opened: its path in the picked folder (or its name, when dropped), and the file itself. The worker
 * reads its bytes: read on the page, a 50,000-row workbook held the page for 55 ms (four times that on a loaded
 * machine).
 */
export interface OpenedFile {
	path: string;
	file: Blob;
}

/** From the page to the worker. */
export type ToWorker =
	/** A picked data folder (every file under it), replacing what was open. */
	| { type: 'folder'; files: OpenedFile[] }
	/** Dropped or chosen files (CSV, XLSX, or any other file of the data folder), added to what is open. */
	| { type: 'files'; files: OpenedFile[] }
	/** Cells typed in the grid (rows and columns as the spreadsheet numbers them), checked together. */
	| { type: 'edit'; rel: string; edits: CellEdit[] }
	/** Rows of a table for the grid, with their problems. */
	| { type: 'rows'; rel: string; from: number; count: number }
	/**
	 * The corrected files, with the fixes the clerk accepted: by file, `line:column` of each change, or `REST_OF_FIXES`
	 * for all of a file's changes past the first `FIX_LIMIT`.
	 */
	| { type: 'export'; accepted: Record<string, string[]>; zip: boolean };

/** A cell's new value. */
export interface CellEdit {
	row: number;
	column: number;
	value: string;
}

/** An opened file as the page lists it. */
export interface FileInfo {
	/** Path in the data folder (`evidence/2024-Q1.csv`). */
	rel: string;
	/** Where it came from when not a file of the folder as it is (`2024-Q1.xlsx，工作表“2024-Q1”`). */
	source?: string;
	/** The table's Chinese title, when it is a table. */
	title?: string;
	/** Rows of the sheet (header included), when it is a table. */
	rows?: number;
	/** New or changed since it was opened: what a commit would hold. */
	changed: boolean;
}

/** The fixes `npm run validate -- --fix` would make to a file. */
export interface FileFixes {
	rel: string;
	/** The first `FIX_LIMIT` changes, offered one by one. */
	changes: FixChange[];
	/** The changes past those, offered together: how many, and the first and last line they are on. */
	rest?: { count: number; first: number; last: number };
	skipped?: string;
}

/**
 * How many of a file's fixes are offered one by one. A file whose every row has the same slip (a column of dates
 * written 2023/12/20) can have tens of thousands: the rest are offered together, so the list stays readable and the
 * page does not stop for seconds building it.
 */
export const FIX_LIMIT = 100;
/** The accepted fix that stands for all of a file's changes past the first `FIX_LIMIT`. */
export const REST_OF_FIXES = 'rest';

/** A draft quarter's preview: the lines `npm run report -- <quarter>` prints. */
export interface DraftPreview {
	quarter: string;
	lines: string[];
}

/** The outcome of a check. */
export interface CheckResult {
	/** Whether a whole data folder is open (otherwise each file is checked on its own, without references). */
	folder: boolean;
	files: FileInfo[];
	/** Problems, sorted as `npm run validate` prints them; at most `ISSUE_LIMIT`. */
	issues: Issue[];
	errors: number;
	warnings: number;
	fixes: FileFixes[];
	drafts: DraftPreview[];
	/** Why a draft has no preview (errors stand), when there is a draft. */
	draftsBlocked?: string;
	/** Files that could not be placed in the data folder, with why. */
	unplaced: { name: string; problem: string }[];
	/** How long the validator took, in milliseconds. */
	ms: number;
}

/** How many problems the page lists at once. */
export const ISSUE_LIMIT = 1000;

/** From the worker to the page. */
export type FromWorker =
	| { type: 'progress'; label: string; done?: number; total?: number }
	| { type: 'result'; result: CheckResult }
	| { type: 'rows'; rel: string; from: number; rows: string[][]; total: number; issues: Issue[] }
	| { type: 'export'; name: string; bytes: Uint8Array; files: string[] }
	| { type: 'failed'; message: string };
