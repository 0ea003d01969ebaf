/**
 * What the data package and the 数据下载 page say about a published open-data file — size, hash, rows and latest
 * record date — taken once, when the file is made, so that neither has to hold or re-read the files themselves
 * (at city scale they are 150 MB).
 */
import { createHash } from 'node:crypto';
import { sha256Label } from '../ledger/canonical.ts';

export interface FileFacts {
	bytes: number;
	/** `sha256:<hex>`, as the data package writes it. */
	hash: string;
	/** Files whose rows were given (the JSON files): how many rows … */
	rows?: number;
	/** … and each string field's greatest value (the latest date, for a date field). */
	greatest?: Record<string, string>;
}

/** The facts of a file's bytes, and of its rows when given. */
export function fileFacts(body: Uint8Array, rows?: readonly Record<string, unknown>[]): FileFacts {
	const facts: FileFacts = {
		bytes: body.byteLength,
		hash: sha256Label(createHash('sha256').update(body).digest('hex')),
	};
	if (rows) {
		const greatest: Record<string, string> = {};
		for (const row of rows)
			for (const k in row) {
				const v = row[k];
				if (typeof v !== 'string') continue;
				const g = greatest[k];
				if (g === undefined || v > g) greatest[k] = v;
			}
		facts.rows = rows.length;
		facts.greatest = greatest;
	}
	return facts;
}
