/**
 * `objections.csv` (异议处理情况): each objection names a published result, 失信 record or candidate that exists, has
 * dates in order and a deadline the working-day calendar can count (seed 004 九: 10 working days), and an outcome
 * that fits: only a concluded objection has one, and a 更正 names the correction it led to.
 */
import { objectionTable, type ObjectionRow } from '../../../schemas/objection.ts';
import type { CorrectionRow } from '../../../schemas/correction.ts';
import type { DishonestyRow } from '../../../schemas/dishonesty.ts';
import type { CandidateRow, EventRow } from '../../../schemas/candidate.ts';
import { isQuarterId, quarterEnd, quarterStart } from '../../quarters.ts';
import { isUnknownCalendarYear, type WorkCalendar } from '../../calendar/workdays.ts';
import { objectionDeadline } from '../../objections/clock.ts';
import { findPersonalNumbers } from '../../personal-numbers.ts';
import { quoteValue } from '../../quote.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import { existsBetween, inactiveMessage, type Units } from './units.ts';

/**
 * The valid objections. Each table an objection refers to comes with its valid rows and every id typed in it: an
 * objection naming a row that has an error of its own is kept out with nothing more said (the row's error covers it),
 * as every other table's references are, rather than told that the row "is not in" a file that has it.
 */
export function checkObjections(
	ctx: CheckContext,
	refs: {
		units: Units;
		releases: {
			valid: ReadonlySet<string>;
			declared: ReadonlySet<string>;
			releasedOn: ReadonlyMap<string, string>;
		};
		dishonesty: { rows: readonly Located<DishonestyRow>[]; declared: ReadonlySet<string> };
		candidates: { valid: readonly Located<CandidateRow>[]; declared: ReadonlySet<string> };
		corrections: { rows: readonly Located<CorrectionRow>[]; declared: ReadonlySet<string> };
		calendar: WorkCalendar;
		/** The valid events of the candidates (exemplars/events.csv). */
		events: readonly Located<EventRow>[];
		/** The first day of each valid 公示 batch, by notice id (exemplars/notices.csv). */
		noticeStarts: ReadonlyMap<string, string>;
		/** The last (7th working) day of each valid 公示 batch, by notice id. */
		noticeEnds: ReadonlyMap<string, string>;
	},
): Located<ObjectionRow>[] {
	const rows = ctx.unique(
		ctx.table<ObjectionRow>(objectionTable, objectionTable.path, false).records,
		['id'],
		'异议编号',
	);
	const released = refs.releases.valid;
	const records = new Set(refs.dishonesty.rows.map((r) => r.value.id));
	const candidates = new Map(refs.candidates.valid.map((c) => [c.value.id, c.value]));
	const corrections = Map.groupBy(refs.corrections.rows, (c) => c.value.id);
	const recordUnit = new Map(refs.dishonesty.rows.map((r) => [r.value.id, r.value.unitId]));
	const recordDate = new Map(refs.dishonesty.rows.map((r) => [r.value.id, r.value.date]));
	/** Every event of events.csv, by candidate, day and kind. */
	const happened = new Set(refs.events.map((e) => `${e.value.candidateId} ${e.value.date} ${e.value.event}`));
	/** Whether exemplars/events.csv records an objection to the candidate received on the day. */
	const recorded = (candidateId: string, receivedOn: string) =>
		happened.has(`${candidateId} ${receivedOn} objection`);
	const valid = ctx.keep(rows, (r) => {
		const { id, target, recordId, period, receivedOn, concludedOn, outcome, correctionId } = r.value;
		/** Whether the row names a row that is in its file but has an error of its own (kept out, nothing said). */
		let namesInvalid = false;
		const known = (valid: boolean, declared: ReadonlySet<string>, key: string) => {
			if (!valid && declared.has(key)) namesInvalid = true;
			return valid || declared.has(key);
		};
		// The one cell an office could type anything into that is not checked against another table. An id is letters,
		// digits, - and _ only: it can hold a mobile or an identity-card number, never an e-mail address.
		for (const p of findPersonalNumbers(id))
			ctx.at(
				r,
				'id',
				'personal-number',
				`异议编号中有${p.kind === 'mobile' ? '手机号' : '身份证号'} ${p.masked}：异议处理情况公开发布，不得记录异议人的任何信息，请改用区信用办的登记编号（如 YY-2024-01）`,
			);
		if (target === 'grade') {
			if (!known(refs.units.byId.has(recordId), refs.units.declared, recordId))
				ctx.at(r, 'recordId', 'foreign-key', `单位编号 "${recordId}" 不在 units.csv 中`);
			if (!period) ctx.at(r, 'period', 'required', '对评价结果的异议要写明季度，如 2023-Q4');
			else if (!isQuarterId(period))
				ctx.at(r, 'period', 'quarter-format', `期别 ${quoteValue(period)} 应写作季度，如 2023-Q4`);
			else if (!known(released.has(period), refs.releases.declared, period))
				ctx.at(r, 'period', 'foreign-key', `季度 ${period} 没有发布记录：只能对已发布的评价结果提出异议`);
			// A unit not evaluated in the quarter (dissolved or merged before it, set up after it) has no result there to
			// object to: the register would link to a result the quarter's page does not have.
			else if (
				refs.units.byId.has(recordId) &&
				!existsBetween(refs.units.byId.get(recordId)!.value, quarterStart(period), quarterEnd(period))
			) {
				const unit = refs.units.byId.get(recordId)!.value;
				ctx.at(
					r,
					'recordId',
					'unit-inactive',
					`${inactiveMessage(unit, period, !!unit.to && unit.to <= quarterStart(period))}，${period} 没有它的评价结果`,
				);
			} else if (refs.releases.releasedOn.has(period) && receivedOn < refs.releases.releasedOn.get(period)!)
				ctx.at(
					r,
					'receivedOn',
					'date-order',
					`收到日期 ${receivedOn} 早于 ${period} 的发布日期 ${refs.releases.releasedOn.get(period)}：评价结果公布之后才能对它提出异议`,
				);
		} else if (target === 'record') {
			if (!known(records.has(recordId), refs.dishonesty.declared, recordId))
				ctx.at(r, 'recordId', 'foreign-key', `失信记录编号 "${recordId}" 不在 dishonesty.csv 中`);
			// A record is published from its date on: an objection received before it would be published while the record
			// is not, under the office's own record number.
			else if (recordDate.has(recordId) && receivedOn < recordDate.get(recordId)!)
				ctx.at(
					r,
					'receivedOn',
					'date-order',
					`收到日期 ${receivedOn} 早于失信记录 ${recordId} 的认定日期 ${recordDate.get(recordId)}：记录认定之后才能对它提出异议`,
				);
			if (period) ctx.at(r, 'period', 'objection-outcome', '对失信记录的异议不填期别');
		} else {
			const c = candidates.get(recordId);
			if (!known(c !== undefined, refs.candidates.declared, recordId))
				ctx.at(r, 'recordId', 'foreign-key', `人选编号 "${recordId}" 不在 exemplars/candidates.csv 中`);
			else if (c && !c.noticeId)
				ctx.at(r, 'recordId', 'lifecycle-order', `人选 ${recordId} 尚未公示：只能对已公示的人选提出异议`);
			// As exemplars/events.csv refuses an 异议 dated before the 公示: the objection is published once the candidate is,
			// and the ledger would say it came in before anyone could know the candidate (seed 000 第八条: 公示, then 异议).
			else if (
				c?.noticeId &&
				refs.noticeStarts.has(c.noticeId) &&
				receivedOn < refs.noticeStarts.get(c.noticeId)!
			)
				ctx.at(
					r,
					'receivedOn',
					'date-order',
					`收到日期 ${receivedOn} 早于人选 ${recordId} 的公示开始日 ${refs.noticeStarts.get(c.noticeId)}：人选公示之后才能对其提出异议`,
				);
			// Seed 000 第八条 "公示7个工作日，无异议的认定": an objection received within the 公示 holds the recognition until
			// its conclusion, and the candidate's course is read from exemplars/events.csv. Only in this register, it left the
			// candidate recognised (and on the 激励名单) the day after the 公示 while the register showed it 核查中.
			else if (
				c?.noticeId &&
				refs.noticeEnds.has(c.noticeId) &&
				receivedOn <= refs.noticeEnds.get(c.noticeId)! &&
				!recorded(recordId, receivedOn)
			)
				ctx.at(
					r,
					'receivedOn',
					'objection-unrecorded',
					`这件异议在人选 ${recordId} 的公示期内（${refs.noticeStarts.get(c.noticeId)} 至 ${refs.noticeEnds.get(c.noticeId)}）收到，但 exemplars/events.csv 没有候选人 ${recordId} 在 ${receivedOn} 的“异议”记录：不记下它，人选会在公示期满后照常认定（seed 000 第八条：“无异议的认定”）。请在 events.csv 加一行：候选人编号 ${recordId}，日期 ${receivedOn}，事件“异议”；核实后再记“异议成立”或“异议不成立”`,
				);
			// A candidate the row cannot have (unknown, or with an error of its own) has no year to compare with.
			if (period && (!/^\d{4}$/.test(period) || (c && Number(period) !== c.year)))
				ctx.at(
					r,
					'period',
					'objection-outcome',
					`诚信典型的期别是评选年度${c ? ` ${c.year}` : ''}，可以不填`,
				);
		}
		if (concludedOn && concludedOn < receivedOn)
			ctx.at(r, 'concludedOn', 'date-order', `办结日期 ${concludedOn} 早于收到日期 ${receivedOn}`);
		if (concludedOn && !outcome) ctx.at(r, 'outcome', 'required', '已办结的异议要填写结果：维持或更正');
		if (!concludedOn && outcome)
			ctx.at(r, 'outcome', 'objection-outcome', '尚未办结的异议没有结果：办结后再填写结果和办结日期');
		// An objection events.csv records is concluded there too, and the candidate's page shows that conclusion (认定 going
		// ahead, 未予认定, 已撤销): the register must say the same on the same day, or the two public pages disagree.
		if (target === 'exemplar' && concludedOn && outcome && recorded(recordId, receivedOn)) {
			const need: EventRow['event'][] =
				outcome === 'kept' ? ['objection-rejected'] : ['objection-upheld', 'revoked'];
			if (!need.some((k) => happened.has(`${recordId} ${concludedOn} ${k}`)))
				ctx.at(
					r,
					'outcome',
					'objection-conclusion',
					`这件异议 ${concludedOn} 办结，结果为“${outcome === 'kept' ? '维持' : '更正'}”，但 exemplars/events.csv 没有候选人 ${recordId} 在 ${concludedOn} 的“${outcome === 'kept' ? '异议不成立' : '异议成立”或“撤销'}”记录：人选页面按 events.csv 显示，两处会说法不一。请在 events.csv 记下核实结论，或核对这里的办结日期和结果`,
				);
		}
		// An upheld objection to a candidate changes no quarter's results: it is the candidate's 未予认定 or 撤销, which
		// exemplars/events.csv records and the candidate's page shows.
		if (target === 'exemplar' && correctionId)
			ctx.at(
				r,
				'correctionId',
				'objection-outcome',
				'对诚信典型的异议不填更正编号：异议成立时，未予认定或撤销记在 exemplars/events.csv，人选页面会写明',
			);
		else if (outcome === 'corrected' && !correctionId && target !== 'exemplar')
			ctx.at(r, 'correctionId', 'required', '结果为“更正”时要填写更正编号（releases/corrections.csv）');
		if (correctionId && outcome !== 'corrected' && target !== 'exemplar')
			ctx.at(r, 'correctionId', 'objection-outcome', '只有结果为“更正”的异议才填写更正编号');
		if (correctionId && !known(corrections.has(correctionId), refs.corrections.declared, correctionId))
			ctx.at(r, 'correctionId', 'foreign-key', `更正编号 "${correctionId}" 不在 releases/corrections.csv 中`);
		else if (
			correctionId &&
			outcome === 'corrected' &&
			target !== 'exemplar' &&
			corrections.has(correctionId)
		)
			correctionFits(ctx, r, corrections.get(correctionId)!, recordUnit);
		try {
			objectionDeadline(refs.calendar, receivedOn);
		} catch (e) {
			// Stryker disable next-line ConditionalExpression: the working-day clock throws nothing else.
			if (!isUnknownCalendarYear(e)) throw e;
			ctx.at(
				r,
				'receivedOn',
				'calendar-unknown',
				`${e.year} 年的节假日安排未知，无法计算 10 个工作日的核查期限：请在 calendar/${e.year}.csv 中按国务院办公厅的通知填写`,
			);
		}
		return !namesInvalid;
	});
	// The register is the public list of every objection (seed 004 九): an objection to a candidate recorded in
	// events.csv, the candidate's course, should be in it too, or the page that says it lists each one lists less.
	const registered = new Set(
		rows.filter((r) => r.value.target === 'exemplar').map((r) => `${r.value.recordId} ${r.value.receivedOn}`),
	);
	for (const e of refs.events)
		if (e.value.event === 'objection' && !registered.has(`${e.value.candidateId} ${e.value.date}`))
			ctx.at(
				e,
				'date',
				'objection-unregistered',
				`候选人 ${e.value.candidateId} 在 ${e.value.date} 收到的异议没有登记在 objections.csv（异议处理情况）：网站的异议处理情况列出每一件异议，请在 objections.csv 加一行：异议对象“诚信典型”，记录编号 ${e.value.candidateId}，收到日期 ${e.value.date}，办结后填写办结日期和结果`,
				'warning',
			);
	return valid;
}

/**
 * An objection concluded 更正 names the correction it led to: one that changed the result objected to (for a grade,
 * that unit in that quarter; for a 失信 record, its unit's results), made on or after the day the objection was
 * received (the correction's document may follow the conclusion by a few days, as the demo's GZ-2022-01 does). The
 * register links the outcome to the correction, which must say what changed.
 */
function correctionFits(
	ctx: CheckContext,
	r: Located<ObjectionRow>,
	rows: readonly Located<CorrectionRow>[],
	recordUnit: ReadonlyMap<string, string>,
): void {
	const { target, recordId, period, receivedOn, correctionId } = r.value;
	const unit = target === 'grade' ? recordId : recordUnit.get(recordId);
	const { date, quarter } = rows[0].value;
	const units = [...new Set(rows.map((c) => c.value.unitId))].join('、');
	if (
		unit !== undefined &&
		!rows.some((c) => c.value.unitId === unit && (target !== 'grade' || c.value.quarter === period))
	)
		ctx.at(
			r,
			'correctionId',
			'objection-outcome',
			`更正 ${correctionId} 更正的是 ${quarter} ${units} 的结果，不是本异议所指的${target === 'grade' ? ` ${unit} ${period}` : `失信记录 ${recordId}（单位 ${unit}）`}：请填写因这件异议所作的更正`,
		);
	else if (date < receivedOn)
		ctx.at(
			r,
			'correctionId',
			'date-order',
			`更正 ${correctionId} 的日期 ${date} 早于这件异议的收到日期 ${receivedOn}：请填写因这件异议所作的更正`,
		);
}
