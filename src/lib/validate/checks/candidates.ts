/**
 * `exemplars/candidates.csv`: the 政务诚信典型 candidates, checked against their recommending unit, their credit
 * review and their 公示 (seed 000 第六条 to 第八条).
 */
import {
	candidateTable,
	REVIEW_BODIES,
	type CandidateRow,
	type ReviewRow,
} from '../../../schemas/candidate.ts';
import { readNothing, type Located } from '../read-table.ts';
import { idRegistry, type CheckContext, type IdRegistry } from '../context.ts';
import { checkUnitOn, unitRef, type Units } from './units.ts';
import type { Notices } from './notices.ts';
import { didYouMean } from '../suggest.ts';
import { quoteValue } from '../../quote.ts';

/** Candidates per recommending unit per year: seed 000 第六条 "每次推荐限2人". */
export const MAX_CANDIDATES_PER_UNIT = 2;

/** The candidates, for the checks of the files about them. */
export interface Candidates extends IdRegistry<Located<CandidateRow>> {
	/** Every row with a unique id, valid or not: reviews, events, stories and photos are checked against these. */
	all: Located<CandidateRow>[];
	/** The 照片 cells of every row, even one refused for a wrong cell: a photo it names is not "unused". */
	photoCells: Set<string>;
	/** The 公示编号 cells of every row, likewise: a notice a refused row names is not "empty". */
	noticeCells: Set<string>;
}

/** Reads candidates.csv (ids unique). Checked by `checkCandidates` once the notices and reviews are read. */
export function readCandidates(ctx: CheckContext): Candidates {
	const file = ctx.table<CandidateRow>(candidateTable, 'exemplars/candidates.csv', true, {
		declare: ['id', 'photos', 'noticeId'],
	});
	const all = ctx.unique(file.records, ['id'], '候选人编号');
	return {
		all,
		photoCells: file.declared('photos'),
		noticeCells: file.declared('noticeId'),
		...idRegistry(new Map(all.map((c) => [c.value.id, c])), file.declared('id')),
	};
}

/**
 * The valid candidates: recommended by a known unit that exists on the day, within its quota, by 12 月 10 日 of their year; reviewed only
 * after all four credit checks came back clean; in a 公示 of their year, after their recommendation, only if passed.
 */
export function checkCandidates(
	ctx: CheckContext,
	candidates: Candidates,
	{
		units,
		notices,
		reviews,
	}: { units: Units; notices: Notices; reviews: { rows: Located<ReviewRow>[]; unread: boolean } },
): Located<CandidateRow>[] {
	const reviewsOf = Map.groupBy(reviews.rows, (v) => v.value.candidateId);
	const perUnitYear = new Map<string, Located<CandidateRow>[]>();
	const people = new Map<string, Located<CandidateRow>>();
	return ctx.keep(candidates.all, (r) => {
		const c = r.value;
		// One person is one candidate a year (第五条 "每年评选一次"): the same 姓名, 性别 and 出生年月 twice in a year is
		// most likely one person recommended twice (by one unit, or by two), who would be noticed, recognised and put on
		// the 激励名单 twice. A warning, not an error: two namesakes born in the same month are possible.
		const person = `${c.year}/${c.name}/${c.gender}/${c.birth}`;
		const first = people.get(person);
		if (first)
			ctx.at(
				r,
				'name',
				'duplicate-candidate',
				`${c.year} 年度第 ${first.line} 行已有候选人 ${c.name}（编号 ${first.value.id}），这一行（编号 ${c.id}）的姓名、性别和出生年月都相同。同一人每年只能作为一名候选人，否则公示、认定和激励名单中会出现两次；如果是同一人，请删去一行；如果确是两个人，可以不改`,
				'warning',
			);
		else people.set(person, r);
		const unit = unitRef(ctx, units, r, 'recommender', '推荐单位');
		// 第六条: "各单位……报送本单位候选人". A unit dissolved (or merged) before the day, or not yet set up, recommends
		// no one: its row would also be counted apart from its successor's, past the quota of 2.
		checkUnitOn(ctx, r, unit, 'recommendedOn', c.recommendedOn);
		const key = `${c.recommender}/${c.year}`;
		const list = perUnitYear.get(key) ?? [];
		list.push(r);
		perUnitYear.set(key, list);
		if (list.length > MAX_CANDIDATES_PER_UNIT)
			ctx.at(
				r,
				'recommender',
				'over-quota',
				`推荐单位 ${quoteValue(c.recommender)} 在 ${c.year} 年已推荐 ${list.length} 人，每单位每年限 ${MAX_CANDIDATES_PER_UNIT} 人（seed 000 第六条；另见第 ${list.map((x) => x.line).join('、')} 行）`,
			);
		if (c.recommendedOn > `${c.year}-12-10`)
			ctx.at(
				r,
				'recommendedOn',
				'deadline',
				`推荐日期 ${c.recommendedOn} 晚于 ${c.year} 年 12 月 10 日的报送截止日（seed 000 第六条）`,
			);
		if (Number(c.recommendedOn.slice(0, 4)) !== c.year)
			ctx.at(r, 'recommendedOn', 'out-of-period', `推荐日期 ${c.recommendedOn} 不在评选年度 ${c.year} 年内`);
		const checks = reviewsOf.get(c.id) ?? [];
		// The office reviews the candidates the units recommended (第七条): a reply dated before the recommendation
		// answered about someone nobody had put forward yet.
		for (const v of checks)
			if (v.value.date < c.recommendedOn)
				ctx.at(
					v,
					'date',
					'date-order',
					`回复日期 ${v.value.date} 早于候选人 ${c.id} 的推荐日期 ${c.recommendedOn}：信用审查是对已推荐的候选人做的（seed 000 第七条），请核对回复日期或 candidates.csv 第 ${r.line} 行的推荐日期`,
				);
		// A reviews.csv not read (missing, undecodable, its header wrong) has its own error: no review is called
		// incomplete on top of it. (The office page's file mode checks a candidates.csv without it.)
		if (!reviews.unread) checkReview(ctx, r, checks);
		const noticed = c.noticeId ? checkNotice(ctx, r, notices, checks) : true;
		return unit !== undefined && noticed;
	});
}

/** A 评审结果 needs all four credit checks back, none with a record (seed 000 第七条). */
function checkReview(ctx: CheckContext, r: Located<CandidateRow>, checks: Located<ReviewRow>[]): void {
	const hit = checks.some((v) => v.value.result === 'hit');
	const complete = REVIEW_BODIES.every((b) => checks.some((v) => v.value.body === b.value));
	if (r.value.review && (hit || !complete))
		ctx.at(
			r,
			'review',
			'lifecycle-order',
			hit
				? '信用审查有记录的候选人已取消资格，不能进入评审（seed 000 第七条）'
				: '信用审查尚未完成（纪检、公安、检察院、信访四家都要有回复），不能填写评审结果',
		);
}

/**
 * A candidate's 公示 must exist, be of the candidate's year and start after the recommendation, and only a candidate
 * who passed 评审 is noticed (seed 000 第八条). False when the notice is invalid itself (its own error covers it).
 */
function checkNotice(
	ctx: CheckContext,
	r: Located<CandidateRow>,
	notices: Notices,
	checks: readonly Located<ReviewRow>[],
): boolean {
	const c = r.value;
	const n = notices.byId.get(c.noticeId!);
	if (!n && !notices.ids.has(c.noticeId!))
		ctx.at(
			r,
			'noticeId',
			'foreign-key',
			`公示编号 ${quoteValue(c.noticeId!)} 不在 notices.csv 中${didYouMean(notices.suggest(c.noticeId!))}`,
		);
	if (c.review !== 'passed')
		ctx.at(r, 'noticeId', 'lifecycle-order', '只有评审通过的候选人才能公示（seed 000 第八条）');
	if (n && n.value.year !== c.year)
		ctx.at(
			r,
			'noticeId',
			'out-of-period',
			`公示 ${n.value.id} 属于 ${n.value.year} 年度，候选人属于 ${c.year} 年度`,
		);
	if (n && n.value.start < c.recommendedOn)
		ctx.at(r, 'noticeId', 'date-order', `公示开始 ${n.value.start} 早于推荐日期 ${c.recommendedOn}`);
	// The credit review comes before 评审 and 公示 (第七条, 第八条): a reply dated on or after the first day of the
	// notice came when the candidate was already on it, and the page would say the review was done.
	const late = n ? checks.filter((v) => v.value.date >= n.value.start) : [];
	if (late.length)
		ctx.at(
			r,
			'noticeId',
			'lifecycle-order',
			`公示 ${n!.value.id} 从 ${n!.value.start} 开始，但那时信用审查还没有完成：${late.map((v) => `${v.file} 第 ${v.line} 行的回复日期是 ${v.value.date}`).join('；')}。信用审查通过后才能评审和公示（seed 000 第七条、第八条），请核对回复日期或公示日期`,
		);
	return n !== undefined;
}

/**
 * A 公示 that no candidate's row names (公示编号, valid row or not): published, it would announce "拟认定人选（0人）". A
 * warning, as the office may add the notice before its candidates; the site leaves it out until one names it.
 */
export function checkEmptyNotices(ctx: CheckContext, notices: Notices, candidates: Candidates): void {
	// A candidates.csv that could not be read names nothing anyone knows: its own error is what to fix.
	if (readNothing(candidates.noticeCells)) return;
	for (const n of notices.valid)
		if (!candidates.noticeCells.has(n.value.id))
			ctx.at(
				n,
				'id',
				'notice-empty',
				`公示 ${quoteValue(n.value.id)} 没有候选人：candidates.csv 中没有哪一行的“公示编号”是 ${n.value.id}。没有候选人的公示不在网站上发布；请在候选人的“公示编号”列填上它，或删去这一行`,
				'warning',
			);
}
