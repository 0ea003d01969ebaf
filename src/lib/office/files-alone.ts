/**
 * The office page's file mode: files dropped on their own, without the data folder they belong to, checked by the
 * validator the build runs (`validateDataset`) over a folder of just them. Every rule that needs nothing but the file
 * itself runs (a 日期 left empty, a date outside the file's quarter, a repeated 记录编号); what only an absent file
 * could settle is left to the check of the whole folder. Pure: no DOM, no I/O.
 */
import type { Issue } from '../issues.ts';
import { validateDataset } from '../validate/dataset.ts';
import { CROSS_FILE_CODES } from '../validate/codes.ts';
import { memoryFiles } from './workspace.ts';

const crossFile: ReadonlySet<string> = new Set(CROSS_FILE_CODES);

/**
 * The problems of files checked without their folder: those the build would report on these files, less the codes
 * that compare a file with another (`CROSS_FILE_CODES`), which here would only say that the other file is absent
 * (no units.csv, no rubric), and less anything said of a file that was not given (the missing files themselves).
 * @param files the dropped files, by their path in the data folder (`evidence/2026-Q3.csv`)
 * @param shown how paths are shown in messages (e.g. `data/`)
 */
export function checkFilesAlone(files: ReadonlyMap<string, Uint8Array>, shown: string): Issue[] {
	const given = new Set([...files.keys()].map((rel) => shown + rel));
	const seen = new Set<string>();
	return validateDataset(memoryFiles(files), shown, { alone: true }).issues.filter((i) => {
		if (!given.has(i.file) || crossFile.has(i.code)) return false;
		// A key repeated by two valid rows is said by the table's reader (alone) and by the check of ids: once.
		const key = `${i.file}:${i.line}:${i.column}:${i.code}:${i.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
