/**
 * Every CSV table the office keeps under DATA_DIR, in the order the data dictionary lists them. The definitions live in
 * `src/schemas/` (one file per record kind); this is only the list of them, so that tools which work on "every input
 * table" (the data dictionary, `validate --fix`) cannot miss one.
 */
import type { TableDef } from '../../schemas/table.ts';
import { unitNameTable, unitTable } from '../../schemas/unit.ts';
import { evidenceTable } from '../../schemas/evidence.ts';
import { dishonestyTable } from '../../schemas/dishonesty.ts';
import { candidateTable, eventTable, noticeTable, reviewTable } from '../../schemas/candidate.ts';
import { commitmentTable, commitmentUpdateTable } from '../../schemas/commitment.ts';
import { pledgeTable } from '../../schemas/pledge.ts';
import { calendarTable } from '../../schemas/calendar.ts';
import { policyTable } from '../../schemas/policy.ts';
import { releaseTable } from '../../schemas/release.ts';
import { correctionTable } from '../../schemas/correction.ts';
import { objectionTable } from '../../schemas/objection.ts';

/** The input tables. */
export const INPUT_TABLES: readonly TableDef[] = [
	unitTable,
	unitNameTable,
	evidenceTable,
	releaseTable,
	correctionTable,
	dishonestyTable,
	candidateTable,
	reviewTable,
	noticeTable,
	eventTable,
	commitmentTable,
	commitmentUpdateTable,
	pledgeTable,
	objectionTable,
	calendarTable,
	policyTable,
];

/** Whether a path under DATA_DIR (e.g. `evidence/2024-Q1.csv`) is the file, or one of the files, of a table's `path`. */
export function matchesTablePath(def: TableDef, rel: string): boolean {
	const [dir, name] = def.path.includes('/') ? splitLast(def.path) : ['', def.path];
	const [relDir, relName] = rel.includes('/') ? splitLast(rel) : ['', rel];
	if (dir !== relDir) return false;
	if (!name.includes('*')) return name === relName;
	const [pre, post] = name.split('*');
	return relName.length > pre.length + post.length && relName.startsWith(pre) && relName.endsWith(post);
}

/** The table a path under DATA_DIR belongs to, if any. */
export function tableForPath(rel: string): TableDef | undefined {
	return INPUT_TABLES.find((t) => matchesTablePath(t, rel));
}

function splitLast(path: string): [string, string] {
	const i = path.lastIndexOf('/');
	return [path.slice(0, i), path.slice(i + 1)];
}
