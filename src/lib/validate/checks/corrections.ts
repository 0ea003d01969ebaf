/**
 * `releases/corrections.csv`: the 更正台账, one row per unit and field a correction changed, with the value before
 * and after. Checked here as far as it can be without scoring: each correction is of a released quarter that has a
 * snapshot, dated on or after its release, of a known unit and an indicator of the quarter's rubric; the rows of one
 * correction agree on its quarter, date, 文号 and reason; and the corrections of a quarter, applied in date order to
 * its snapshot, form an unbroken chain — each row's 原值 is the value published at release or set by the correction
 * before it. Whether the chain ends at today's results is the score stage's check (`src/lib/ledger/ledger.ts`).
 */
import { correctionTable, type CorrectionRow } from '../../../schemas/correction.ts';
import type { Rubric } from '../../../schemas/rubric.ts';
import type { QuarterId } from '../../quarters.ts';
import { correctionOrder } from '../../ledger/ledger.ts';
import {
	displayValue,
	fieldLabel,
	normalValue,
	setValue,
	valueTable,
	type ValueTable,
} from '../../ledger/fields.ts';
import { quoteValue } from '../../quote.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Sealed } from './releases.ts';
import { unitRef, type Units } from './units.ts';

/** A column's header, as the clerk's spreadsheet shows it. */
const header = (key: keyof CorrectionRow) => correctionTable.columns.find((c) => c.key === key)!.header;

/**
 * The valid correction rows, in the order they apply (quarter, date, file order), and every correction id typed in
 * the file, valid row or not, for the objections that name a correction.
 * @param refs.releases the quarters of the valid release rows, and every quarter typed in releases.csv: a correction
 *   of a quarter whose release row has an error of its own is kept out with nothing more said
 */
export function checkCorrections(
	ctx: CheckContext,
	refs: {
		units: Units;
		rubrics: Map<number, Rubric>;
		sealed: Map<QuarterId, Sealed>;
		releases: { valid: ReadonlySet<string>; declared: ReadonlySet<string> };
	},
): { rows: Located<CorrectionRow>[]; declared: Set<string> } {
	const file = ctx.table<CorrectionRow>(correctionTable, correctionTable.path, false, { declare: ['id'] });
	const rows = ctx.unique(file.records, ['id', 'unitId', 'field'], '同一次更正的单位和项目', {
		field: fieldLabel,
	});
	const first = new Map<string, Located<CorrectionRow>>();
	const valid = ctx.keep(rows, (r) => {
		const { id, quarter, date, field } = r.value;
		const head = first.get(id);
		if (!head) first.set(id, r);
		else
			for (const key of ['quarter', 'date', 'docNumber', 'reason'] as const)
				if (r.value[key] !== head.value[key])
					ctx.at(
						r,
						key,
						'correction-conflict',
						// The 文号 and the reason are free text, scanned for personal numbers cell by cell: a message
						// quoting them whole would carry a number the scan masks. A quarter or a date is safe to show.
						key === 'quarter' || key === 'date'
							? `更正 ${id} 的各行应相同，但这里的${header(key)} ${quoteValue(String(r.value[key]))} 与第 ${head.line} 行的 ${quoteValue(String(head.value[key]))} 不同`
							: `更正 ${id} 的各行应相同，但这里的${header(key)}与第 ${head.line} 行的不同（请从第 ${head.line} 行整格复制）`,
					);
		if (!unitRef(ctx, refs.units, r, 'unitId')) return false;
		if (!refs.releases.valid.has(quarter)) {
			if (refs.releases.declared.has(quarter)) return false;
			ctx.at(r, 'quarter', 'foreign-key', `季度 ${quarter} 没有发布记录：只有已发布季度的结果需要更正`);
			// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
			return false;
		}
		const sealed = refs.sealed.get(quarter);
		if (!sealed) {
			ctx.at(
				r,
				'quarter',
				'foreign-key',
				`季度 ${quarter} 没有发布快照，无法核对更正前后的值：请先运行 npm run release -- ${quarter} --seal`,
			);
			// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
			return false;
		}
		if (date < sealed.release.value.releasedOn)
			ctx.at(
				r,
				'date',
				'date-order',
				`更正日期 ${date} 早于 ${quarter} 的发布日期 ${sealed.release.value.releasedOn}：只能更正已发布的结果`,
			);
		if (field.startsWith('points.')) {
			const rubric = refs.rubrics.get(Number(quarter.slice(0, 4)));
			if (rubric && !rubric.indicators.some((i) => i.id === field.slice(7)))
				ctx.at(r, 'field', 'foreign-key', `${rubric.year} 年评价指标中没有指标 ${field.slice(7)}`);
		}
		for (const key of ['from', 'to'] as const)
			if (normalValue(field, r.value[key] ?? '') === undefined)
				ctx.at(
					r,
					key,
					'type-error',
					// Never blank here: normalValue reads a blank cell as no value.
					`${quoteValue(r.value[key]!)} 不是“${fieldLabel(field)}”的值${field === 'grade' || field === 'override' ? '（等次写 红名单、蓝名单 或 黄名单，无调整写 无）' : ''}`,
				);
		return true;
	});
	// The chain: each quarter's rows, in date order, starting from its snapshot.
	const ordered = correctionOrder(valid);
	const tables = new Map<QuarterId, ValueTable>();
	const chained = ctx.keep(ordered, (r) => {
		const { quarter, unitId, field } = r.value;
		let t = tables.get(quarter);
		if (!t) tables.set(quarter, (t = valueTable(refs.sealed.get(quarter)!.snapshot)));
		const expected = t.get(unitId)?.get(field) ?? '';
		const from = normalValue(field, r.value.from ?? '')!;
		if (from !== expected) {
			ctx.at(
				r,
				'from',
				'correction-chain',
				`原值 ${quoteValue(r.value.from ?? '')} 与 ${quarter} ${unitId} 的“${fieldLabel(field)}”此前公布的值 ${quoteValue(displayValue(field, expected))} 不符（发布快照 releases/${quarter}.json，加上日期更早的更正）：原值请用 npm run release -- ${quarter} --correct 计算填写，不要手工改动`,
			);
			// Stryker disable next-line BooleanLiteral: an error was just reported, so keep() drops the row whatever this returns.
			return false;
		}
		// Stryker disable next-line StringLiteral: a value normalValue cannot read is set as undefined, which the next row reads as blank too.
		setValue(t, unitId, field, normalValue(field, r.value.to ?? '')!);
		return true;
	});
	return { rows: chained, declared: file.declared('id') };
}
