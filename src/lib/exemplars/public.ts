/**
 * Privacy by construction (SPEC 2; seed 003 "保护公职人员个人隐私和信息安全"; 个人信息保护法): the public record of a
 * 政务诚信典型 candidate is its own, explicit list of fields, and `toPublicExemplar` is the only function that turns a
 * candidate into public data. It copies field by field (never a spread of the office's row), so a column added to
 * candidates.csv stays private until someone adds it here on purpose; the collection schema is strict, so a record
 * with any other key stops the build.
 *
 * Public by default (seed 000 附件1 推荐表): 姓名, 性别, 单位及职务, 类别, 推荐单位, 曾获主要奖励, 宣传报道情况, 事迹名称,
 * 主要事迹, the detailed story and the photo. 出生年月, 政治面貌 and 文化程度 only where site.json
 * `publishCandidateFields` opts in. Never: 联系人及方式, 推荐单位意见, the credit-review replies, the objections and
 * their internal notes, the recommendation date.
 *
 * Who is public: a candidate from the first day of their 公示 on (公示中, 待核实, 已认定, 已撤销, 未予认定). Nobody
 * before that — not the recommended, not those under credit review, not the disqualified, not those who failed 评审,
 * not those waiting for their notice.
 */
import { z } from 'astro/zod';
import type { CandidateRow } from '../../schemas/candidate.ts';
import type { Site } from '../../schemas/site.ts';
import { UNIT_CATEGORY_CODES, type UnitCategory } from '../../schemas/enums.ts';
import { STAGE_LABELS, type Lifecycle } from './lifecycle.ts';

/** The open-data status (SPEC "Public URLs and open data"). */
export type OpenStatus = 'publicizing' | 'recognized' | 'revoked';

/** The open-data statuses in Chinese, for the Chinese twins of the CSV files (the stage of the same name says it). */
export const STATUS_TITLES: Record<OpenStatus, string> = {
	publicizing: STAGE_LABELS.publicizing,
	recognized: STAGE_LABELS.recognized,
	revoked: STAGE_LABELS.revoked,
};

/** The public stages and how each maps to the open-data status. */
const OPEN_STATUS = {
	publicizing: 'publicizing',
	// An objection still being checked: the 公示 is not concluded, so the candidate is not (yet) recognized.
	verifying: 'publicizing',
	recognized: 'recognized',
	revoked: 'revoked',
	// The SPEC's status has three values; seed 000 第十条 puts 取消评选资格 (an objection upheld during 公示) and 撤销认定资格
	// in one sentence as the outcome of a verified complaint, so 未予认定 is published as "revoked" with the day of
	// the conclusion and a reason; `statusLabel` ("未予认定") and the absence of `recognizedOn` tell it apart.
	'not-recognized': 'revoked',
} as const satisfies Record<PublicStage, OpenStatus>;
export type PublicStage = 'publicizing' | 'verifying' | 'not-recognized' | 'recognized' | 'revoked';

/** The reason shown for 未予认定 when the office wrote no public reason for the upheld objection. */
export const NOT_RECOGNIZED_REASON =
	'公示期间收到的异议经核实成立，未予认定（《淮安区“政务诚信典型”评选宣传办法》第十条）。';

/** A published photo: where it is served, its size and its text alternative. */
export const publicPhotoSchema = z
	.object({
		/** Site path, e.g. `/exemplars/2022/2022-001/photo-1.jpg`. */
		src: z.string(),
		width: z.number(),
		height: z.number(),
		/** 照片说明 (alt text). */
		alt: z.string(),
	})
	.strict();

/** The public record of a candidate: every field that may reach `dist/`, and nothing else. */
export const publicExemplarSchema = z
	.object({
		/** 编号. */
		id: z.string(),
		/** 评选年度. */
		year: z.number().int(),
		/** 姓名. */
		name: z.string(),
		/** 性别. */
		gender: z.enum(['男', '女']),
		/** 单位及职务: 单位. */
		unit: z.string(),
		/** 单位及职务: 职务. */
		position: z.string(),
		/** 类别 (推荐表). */
		category: z.string(),
		/** 推荐单位: its name on the recommendation date. */
		recommender: z.string(),
		/** 推荐单位 id (its unit page is /units/<id>/). */
		recommenderId: z.string(),
		/** The recommending unit's category (search filter 单位类别). */
		unitCategory: z.enum(UNIT_CATEGORY_CODES),
		/** 曾获主要奖励. */
		awards: z.string().optional(),
		/** 宣传报道情况. */
		coverage: z.string().optional(),
		/** 事迹名称. */
		title: z.string(),
		/** 主要事迹. */
		summary: z.string(),
		/** 出生年月: only when site.json opts in. */
		birth: z.string().optional(),
		/** 政治面貌: only when site.json opts in. */
		political: z.string().optional(),
		/** 文化程度: only when site.json opts in. */
		education: z.string().optional(),
		/** Where the candidate stands on the as-of date (public stages only). */
		stage: z.enum(['publicizing', 'verifying', 'not-recognized', 'recognized', 'revoked']),
		/** The open-data status. */
		status: z.enum(['publicizing', 'recognized', 'revoked']),
		/** The stage in Chinese (公示中, 异议待核实, 已认定, 已撤销, 未予认定). */
		statusLabel: z.string(),
		/** The 公示 batch. */
		noticeId: z.string(),
		noticeTitle: z.string(),
		noticeStart: z.string(),
		/** 7th working day of the 公示. */
		noticeEnd: z.string(),
		recognizedOn: z.string().optional(),
		revokedOn: z.string().optional(),
		revokedReason: z.string().optional(),
		photos: z.array(publicPhotoSchema),
	})
	.strict();
export type PublicExemplar = z.infer<typeof publicExemplarSchema>;

/** What `toPublicExemplar` takes: the office's row and what the build derived about it. */
export interface ExemplarSource {
	candidate: CandidateRow;
	lifecycle: Lifecycle;
	notice?: { id: string; title: string };
	recommender: { name: string; category: UnitCategory };
	/** The candidate's validated photos, in the order of the 照片 column. */
	photos: readonly { ext: 'jpg' | 'png'; width: number; height: number }[];
}

/** The object without its undefined-valued keys. */
function compact<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The site path of a candidate's profile. */
export function profilePath(p: { year: number; id: string }): string {
	return `/exemplars/${p.year}/${p.id}/`;
}

/** The site path of a year's exemplars (the year's page lists them; `/exemplars/` links to every year). */
export function yearPath(year: number): string {
	return `/exemplars/${year}/`;
}

/**
 * The public record of a candidate, or `undefined` when the candidate is not public on the as-of date.
 * @param publish site.json `publishCandidateFields`
 */
export function toPublicExemplar(
	src: ExemplarSource,
	publish: Site['publishCandidateFields'],
): PublicExemplar | undefined {
	const { candidate: c, lifecycle: l, notice } = src;
	if (!l.public || !notice || !l.noticeStart || !l.noticeEnd) return undefined;
	const stage = l.stage as PublicStage;
	const ended = stage === 'revoked' || stage === 'not-recognized';
	const record: PublicExemplar = {
		id: c.id,
		year: c.year,
		name: c.name,
		gender: c.gender,
		unit: c.unit,
		position: c.position,
		category: c.category,
		recommender: src.recommender.name,
		recommenderId: c.recommender,
		unitCategory: src.recommender.category,
		awards: c.awards || undefined,
		coverage: c.coverage || undefined,
		title: c.title,
		summary: c.summary,
		birth: publish.birth ? c.birth : undefined,
		political: publish.political ? c.political : undefined,
		education: publish.education ? c.education : undefined,
		stage,
		status: OPEN_STATUS[stage],
		statusLabel: STAGE_LABELS[stage],
		noticeId: notice.id,
		noticeTitle: notice.title,
		noticeStart: l.noticeStart,
		noticeEnd: l.noticeEnd,
		recognizedOn: l.recognizedOn,
		revokedOn: ended ? l.endedOn : undefined,
		revokedReason: ended ? (l.publicReason ?? NOT_RECOGNIZED_REASON) : undefined,
		photos: src.photos.map((p, i) => ({
			src: `${profilePath(c)}photo-${i + 1}.${p.ext}`,
			width: p.width,
			height: p.height,
			alt: c.photoAlt ?? `${c.name}的照片`,
		})),
	};
	// Drop the keys left undefined, so the record (and the JSON made from it) has only the fields that apply.
	return compact(record);
}

/** One row of `/data/exemplars.json` (SPEC "Public URLs and open data"; the fields after `summary` are additions). */
export type ExemplarOpenRecord = {
	id: string;
	year: number;
	name: string;
	gender: string;
	unit: string;
	position: string;
	category: string;
	status: OpenStatus;
	noticeStart: string;
	noticeEnd: string;
	recognizedOn?: string;
	revokedOn?: string;
	revokedReason?: string;
	title: string;
	summary: string;
	statusLabel: string;
	noticeId: string;
	recommender: string;
	awards?: string;
	coverage?: string;
	birth?: string;
	political?: string;
	education?: string;
};

/** The open-data row of a public record, keys in the SPEC's order; optional keys only when they apply. */
export function exemplarOpenRecord(p: PublicExemplar): ExemplarOpenRecord {
	const r: ExemplarOpenRecord = {
		id: p.id,
		year: p.year,
		name: p.name,
		gender: p.gender,
		unit: p.unit,
		position: p.position,
		category: p.category,
		status: p.status,
		noticeStart: p.noticeStart,
		noticeEnd: p.noticeEnd,
		recognizedOn: p.recognizedOn,
		revokedOn: p.revokedOn,
		revokedReason: p.revokedReason,
		title: p.title,
		summary: p.summary,
		statusLabel: p.statusLabel,
		noticeId: p.noticeId,
		recommender: p.recommender,
		awards: p.awards,
		coverage: p.coverage,
		birth: p.birth,
		political: p.political,
		education: p.education,
	};
	return compact(r);
}

/**
 * The CSV columns of `/data/exemplars.csv` and `/data/incentive-list.csv`: the JSON's fields, the opt-in ones only
 * when site.json publishes them (so the header itself never announces a private column).
 */
export function exemplarCsvColumns(publish: Site['publishCandidateFields']): string[] {
	return [
		'id',
		'year',
		'name',
		'gender',
		'unit',
		'position',
		'category',
		'status',
		'noticeStart',
		'noticeEnd',
		'recognizedOn',
		'revokedOn',
		'revokedReason',
		'title',
		'summary',
		'statusLabel',
		'noticeId',
		'recommender',
		'awards',
		'coverage',
		...(['birth', 'political', 'education'] as const).filter((k) => publish[k]),
	];
}

/** The 激励名单 (seed 000 第九条): the recognised exemplars only, as uploaded to the public credit platform. */
export function incentiveList(records: readonly ExemplarOpenRecord[]): ExemplarOpenRecord[] {
	return records.filter((r) => r.status === 'recognized');
}
