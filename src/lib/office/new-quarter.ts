/**
 * The evidence file of a new quarter (`npm run new:quarter -- 2024-Q1`): one blank placeholder row per unit active in
 * the quarter and per indicator of the year's rubric that applies to the unit's category and takes evidence rows,
 * with only 记录编号, 单位编号 and 指标编号 filled. The validator accepts such rows and neither publishes nor scores
 * them (`isPlaceholder` in `src/lib/validate/dataset.ts`), so the office can fill the file row by row over the quarter.
 */
import Papa from 'papaparse';
import { evidenceTable } from '../../schemas/evidence.ts';
import type { Indicator, Rubric } from '../../schemas/rubric.ts';
import type { UnitRow } from '../../schemas/unit.ts';
import { unitExistsIn } from '../scoring/score.ts';
import { parseQuarter, type QuarterId } from '../quarters.ts';

/** Whether an indicator is scored from evidence rows (not computed from the commitments or pledges files). */
export function takesEvidence(ind: Indicator): boolean {
	const r = ind.rule;
	return r.kind !== 'commitmentCoverage' && !(r.kind === 'perItem' && r.source === 'pledges');
}

/** The record id of the n-th row of a quarter: `2024Q1-0001` (the form data/templates/README.md recommends). */
export function recordId(q: QuarterId, n: number): string {
	const { year, n: k } = parseQuarter(q);
	return `${year}Q${k}-${String(n).padStart(4, '0')}`;
}

/** One placeholder row: a unit and an indicator. */
export interface Placeholder {
	id: string;
	unitId: string;
	indicatorId: string;
}

/** The placeholder rows of a quarter: units in their units.csv order, indicators in the rubric's order. */
export function placeholders(q: QuarterId, units: readonly UnitRow[], rubric: Rubric): Placeholder[] {
	const out: Placeholder[] = [];
	for (const u of units.filter((u) => unitExistsIn(u, q)))
		for (const ind of rubric.indicators)
			if (ind.appliesTo.includes(u.category) && takesEvidence(ind))
				out.push({ id: recordId(q, out.length + 1), unitId: u.id, indicatorId: ind.id });
	return out;
}

/** The file's text: UTF-8 with BOM (as Excel and WPS want it), CRLF line ends, the template's header. */
export function placeholderCsv(rows: readonly Placeholder[]): string {
	const header = evidenceTable.columns.map((c) => c.header);
	const data = rows.map((r) =>
		evidenceTable.columns.map((c) => (c.key in r ? r[c.key as keyof Placeholder] : '')),
	);
	return '\uFEFF' + Papa.unparse([header, ...data], { newline: '\r\n' }) + '\r\n';
}
