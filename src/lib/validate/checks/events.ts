/** `exemplars/events.csv`: objections, their conclusions and revocations after a candidate's 公示. */
import { eventTable, type EventRow } from '../../../schemas/candidate.ts';
import { lifecycleProblems } from '../../exemplars/lifecycle.ts';
import type { Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Candidates } from './candidates.ts';
import type { Notices } from './notices.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

/** Reads events.csv. Checked by `checkEvents` once the candidates and notices are. */
export function readEvents(ctx: CheckContext): Located<EventRow>[] {
	return ctx.table<EventRow>(eventTable, 'exemplars/events.csv', true).records;
}

/**
 * The valid events: about a known candidate in a valid 公示, dated no earlier than its first day, a revocation
 * with its public reason. Then each noticed candidate's events must follow each other in the order of seed 000
 * 第八条 and 第十条 (an objection before its conclusion, no revocation before recognition …); an event out of order is
 * reported and counted invalid, and stays in the result.
 */
export function checkEvents(
	ctx: CheckContext,
	events: Located<EventRow>[],
	{ candidates, notices }: { candidates: Candidates; notices: Notices },
): Located<EventRow>[] {
	const valid = ctx.keep(events, (e) => {
		const id = e.value.candidateId;
		const c = candidates.byId.get(id)?.value;
		const n = c?.noticeId ? notices.byId.get(c.noticeId) : undefined;
		// A candidate row that is there but invalid has its own error: its events wait for it, unreported.
		if (!c && candidates.declared.has(id)) return false;
		if (!c)
			ctx.at(
				e,
				'candidateId',
				'foreign-key',
				`候选人编号 ${quoteValue(id)} 不在 candidates.csv 中${didYouMean(candidates.suggest(id))}`,
			);
		// A 公示 that is there but invalid (its 7 working days reach a year no calendar knows …) has its own error: the
		// candidate is on notice, and its events wait for it, unreported.
		else if (!n && c.noticeId && notices.ids.has(c.noticeId)) return false;
		else if (!n) ctx.at(e, 'candidateId', 'lifecycle-order', '候选人尚未公示，不能有异议或撤销记录');
		else if (e.value.date < n.value.start)
			ctx.at(e, 'date', 'date-order', `日期 ${e.value.date} 早于公示开始日 ${n.value.start}`);
		else if (e.value.event === 'revoked' && !e.value.publicReason)
			ctx.at(e, 'publicReason', 'required', '撤销必须写明向社会公开的撤销理由（公开说明）');
		return true;
	});
	const eventsOf = Map.groupBy(valid, (e) => e.value.candidateId);
	for (const c of candidates.all) {
		const n = c.value.noticeId ? notices.byId.get(c.value.noticeId) : undefined;
		const own = eventsOf.get(c.value.id) ?? [];
		// Stryker disable next-line ConditionalExpression,LogicalOperator: a candidate not on notice has no events left (each was refused above), and no events is nothing to check.
		if (!n || own.length === 0) continue;
		const facts = {
			recommendedOn: c.value.recommendedOn,
			// Stryker disable next-line ArrayDeclaration: a stray string among the replies has no date, so the lifecycle reads nothing from it.
			reviews: [],
			events: own.map((e) => e.value),
			notice: { start: n.value.start, end: n.value.end },
		};
		for (const problem of lifecycleProblems(facts)) {
			ctx.at(own[problem.event], 'event', problem.code, problem.message);
			ctx.markInvalid(own[problem.event]);
		}
	}
	return valid;
}
