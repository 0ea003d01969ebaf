/**
 * A copy of a data folder with a value typed into every free-text field the site publishes: every column the schemas
 * mark `public` (one cell each, in the first data row of the first file of its table) and a story and a policy text.
 * For the tests that personal numbers are caught wherever the office could type them.
 */
import { expect } from 'vitest';
import Papa from 'papaparse';
import { INPUT_TABLES, tableForPath } from '../../src/lib/validate/tables.ts';
import { idCheckChar } from '../../src/lib/personal-numbers.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The n-th valid 身份证号 of a test series: 320803 (淮安区), born 1980-01-01, sequence n, its check character. */
export const idNumber = (n: number) => {
	const first17 = `32080319800101${String(n).padStart(3, '0')}`;
	return first17 + idCheckChar(first17);
};
/** The n-th mobile number of a test series. */
export const mobile = (n: number) => `1390000${String(n).padStart(4, '0')}`;

/** Every public free-text column, by table name: what the schemas mark. */
export const PUBLIC_COLUMNS = new Map(
	INPUT_TABLES.map((t) => [t.name, t.columns.filter((c) => c.public)] as const).filter(([, c]) => c.length),
);

/** The tables whose public cells must be the same in every row of a group, by the header naming the group. */
const SAME_IN_GROUP: Record<string, string> = { corrections: '更正编号' };

/** Where a value was put: the start of its report line (`path:line:column: `) and, in a table, its cell. */
export interface Placed {
	where: string;
	human?: string;
	value: string;
	/** A field where no contact belongs (`Column.noContacts`, a candidate's story): a contact there is an error. */
	noContacts: boolean;
}

/**
 * The files of a data folder (by path; `data/` the prefix messages show) with `value(n)` appended to one cell of
 * every public column and to a story and a policy text (`texts`; of rows that hold no value themselves, since the
 * text of a refused row is not read).
 * @param opts.warningsOnly only the fields where a contact is a warning (not `noContacts`): a site still built
 */
export function seedPublicFields(
	folder: ReadonlyMap<string, Uint8Array>,
	value: (n: number) => string,
	texts = ['exemplars/stories/2022-002.mdx', 'policies/xyb-2021-5.mdx'],
	opts: { warningsOnly?: boolean } = {},
): { files: Map<string, Uint8Array>; placed: Placed[] } {
	const files = new Map(folder);
	const placed: Placed[] = [];
	const done = new Set<string>();
	for (const [path, bytes] of folder) {
		const def = tableForPath(path);
		if (!def || done.has(def.name) || !PUBLIC_COLUMNS.has(def.name)) continue;
		done.add(def.name);
		const rows = Papa.parse<string[]>(decoder.decode(bytes).replace(/^\uFEFF/, ''), {
			skipEmptyLines: true,
		}).data;
		// A table with a header only has no cell to type into.
		if (rows.length < 2) continue;
		// The rows of one correction agree on their 文号 and reason (correction-conflict otherwise): the value goes into
		// each row of the first correction, as an office editing that correction's reason would type it.
		const group = SAME_IN_GROUP[def.name];
		const g = group ? rows[0].indexOf(group) : -1;
		const lines = rows.flatMap((r, n) => (n > 0 && (n === 1 || (g >= 0 && r[g] === rows[1][g])) ? [n] : []));
		for (const c of PUBLIC_COLUMNS.get(def.name)!) {
			if (opts.warningsOnly && c.noContacts) continue;
			const i = rows[0].indexOf(c.header);
			expect(i, `${path} ${c.header}`).toBeGreaterThanOrEqual(0);
			const v = value(placed.length + 1);
			for (const n of lines) {
				rows[n][i] = `${rows[n][i]}（${v}）`;
				placed.push({
					where: `data/${path}:${n + 1}:${i + 1}: `,
					human: `第 ${n + 1} 行第 ${i + 1} 列（${c.header}）`,
					value: v,
					noContacts: c.noContacts === true,
				});
			}
		}
		files.set(path, encoder.encode('\uFEFF' + Papa.unparse(rows, { newline: '\r\n' }) + '\r\n'));
	}
	for (const path of texts) {
		if (opts.warningsOnly && path.startsWith('exemplars/stories/')) continue;
		const text = decoder.decode(files.get(path)!);
		const v = value(placed.length + 1);
		files.set(path, encoder.encode(`${text}\n联系：${v}\n`));
		placed.push({
			where: `data/${path}:${text.split('\n').length + 1}:4: `,
			value: v,
			noContacts: path.startsWith('exemplars/stories/'),
		});
	}
	return { files, placed };
}
