/** `exemplars/reviews.csv`: the four credit-review replies each candidate needs (纪检、公安、检察院、信访). */
import { reviewTable, type ReviewRow } from '../../../schemas/candidate.ts';
import { readNothing, type Located } from '../read-table.ts';
import type { CheckContext } from '../context.ts';
import type { Candidates } from './candidates.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

/**
 * Reads reviews.csv: one reply per candidate and reviewing body. Checked by `checkReviews` once the candidates are.
 * `unread`: the file's rows were not read (it is missing, cannot be decoded or its header is wrong).
 */
export function readReviews(ctx: CheckContext): { rows: Located<ReviewRow>[]; unread: boolean } {
	const file = ctx.table<ReviewRow>(reviewTable, 'exemplars/reviews.csv', true, { declare: ['candidateId'] });
	return {
		rows: ctx.unique(file.records, ['candidateId', 'body'], '候选人的审查单位'),
		unread: readNothing(file.declared('candidateId')),
	};
}

/**
 * Reports the replies about a candidate that candidates.csv does not have, and counts them invalid. The rows are
 * returned as read, those included: no review is ever published.
 */
export function checkReviews(
	ctx: CheckContext,
	reviews: Located<ReviewRow>[],
	candidates: Candidates,
): Located<ReviewRow>[] {
	for (const v of reviews) {
		const id = v.value.candidateId;
		if (candidates.byId.has(id)) continue;
		// A candidate row that is there but invalid has its own error: its reviews are not reported again.
		if (!candidates.declared.has(id))
			ctx.at(
				v,
				'candidateId',
				'foreign-key',
				`候选人编号 ${quoteValue(id)} 不在 candidates.csv 中${didYouMean(candidates.suggest(id))}`,
			);
		ctx.markInvalid(v);
	}
	return reviews;
}
