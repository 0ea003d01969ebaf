/** `dishonesty.csv`: a unit's recorded breaches of trust, and their repair. */
import { dishonestyTable, type DishonestyRow } from '../../../schemas/dishonesty.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { checkUnitOn, unitRef, type Units } from './units.ts';
import type { Evidence } from '../dataset.ts';
import { quoteValue } from '../../quote.ts';

/**
 * The valid records: of a known unit that existed on the record's date, with a repair dated no earlier than the record and described with its date.
 * `declared` has every record id typed in the file, valid row or not, for the objections that name a record.
 */
export function checkDishonesty(
	ctx: CheckContext,
	units: Units,
): { rows: Located<DishonestyRow>[]; declared: Set<string> } {
	const file = ctx.table<DishonestyRow>(dishonestyTable, 'dishonesty.csv', true, { declare: ['id'] });
	const rows = ctx.unique(file.records, ['id'], '记录编号');
	const valid = ctx.keep(rows, (r) => {
		const unit = unitRef(ctx, units, r, 'unitId');
		const { date, repairedOn, repairHow } = r.value;
		// A record weighs on its unit's grade from the quarter of its date: a unit that was gone by then (merged, dissolved)
		// would carry it in a quarter it had left, or in none, and its successor never (as pledges and commitments).
		checkUnitOn(ctx, r, unit, 'date', date);
		if (repairedOn && repairedOn < date)
			ctx.at(r, 'repairedOn', 'date-order', `修复日期 ${repairedOn} 早于认定日期 ${date}`);
		if (repairedOn && !repairHow) ctx.at(r, 'repairHow', 'required', '填写了修复日期，也要写明修复方式');
		if (!repairedOn && repairHow) ctx.at(r, 'repairedOn', 'required', '填写了修复方式，也要填写修复日期');
		return unit !== undefined;
	});
	return { rows: valid, declared: file.declared('id') };
}

/**
 * The evidence rows that name a 失信 record (`dishonestyId`, 失信记录编号): the deduction the record cost its unit.
 * Once the record is repaired, those rows stop being published in detail with it (`publicEvidence`), so the link
 * must be right: a record dishonesty.csv has (an invalid row's own error covers it), of the row's unit (that the row
 * is of kind 扣分 is the row's own check, `checkRow` in evidence.ts). A deduction of a unit dated within a month of one of
 * its records that no row names is most likely the same matter, written without the link:
 * a warning, as its details would outlive the record's repair.
 */
export function checkEvidenceRecords(
	ctx: CheckContext,
	evidence: readonly Located<Evidence>[],
	dishonesty: { rows: readonly Located<DishonestyRow>[]; declared: ReadonlySet<string> },
): void {
	const byId = new Map(dishonesty.rows.map((r) => [r.value.id, r.value]));
	const linked = new Set<string>();
	for (const r of evidence) {
		const id = r.value.dishonestyId;
		if (!id) continue;
		linked.add(id);
		const record = byId.get(id);
		if (!record) {
			if (!dishonesty.declared.has(id))
				ctx.at(r, 'dishonestyId', 'foreign-key', `失信记录编号 ${quoteValue(id)} 不在 dishonesty.csv 中`);
			continue;
		}
		if (record.unitId !== r.value.unitId)
			ctx.at(
				r,
				'dishonestyId',
				'foreign-key',
				`失信记录 ${quoteValue(id)} 是单位 ${quoteValue(record.unitId)} 的，不是本行单位 ${quoteValue(r.value.unitId)} 的`,
			);
	}
	// The records no row names, by unit.
	const unlinked = new Map<string, { id: string; date: string }[]>();
	for (const { value } of dishonesty.rows)
		if (!linked.has(value.id))
			unlinked.set(value.unitId, [...(unlinked.get(value.unitId) ?? []), { id: value.id, date: value.date }]);
	// Stryker disable next-line ConditionalExpression: only saves a million lookups when every record is named.
	if (!unlinked.size) return;
	for (const r of evidence) {
		const { kind, unitId, date, dishonestyId } = r.value;
		if (kind !== 'incident' || dishonestyId || !date) continue;
		// The deduction is often dated when the matter was found and the record when it was 认定, a few days apart (the
		// demo data's jkz: 2022-08-09 and 2022-08-12): the nearest record within UNLINKED_DAYS either way.
		const near = (unlinked.get(unitId) ?? [])
			.map((x) => ({ ...x, days: Math.abs(dayNumber(x.date) - dayNumber(date)) }))
			.filter((x) => x.days <= UNLINKED_DAYS)
			.sort((a, b) => a.days - b.days)[0];
		if (near)
			ctx.at(
				r,
				'kind',
				'dishonesty-unlinked',
				`这一扣分记录（${date}）与失信记录 ${quoteValue(near.id)}（认定日期 ${near.date}）是同一单位${near.days === 0 ? '同一天' : `，相隔 ${near.days} 天`}；如果是同一件事，请在“失信记录编号”列填 ${near.id}：该记录信用修复后，这一行的事项、来源和理由才会随它不再公示`,
				'warning',
			);
	}
}

/** How far apart a deduction and an unnamed record of its unit may be dated and still be taken for one matter. */
export const UNLINKED_DAYS = 31;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
