/**
 * From the validated dataset to what the site publishes about 政务诚信典型 on the as-of date: the public records
 * (through `toPublicExemplar`, the only door), the 公示 batches that have started, and which photo and story files
 * belong to public candidates. Pure: the loader does the reading and rendering.
 */
import type { Dataset } from '../validate/dataset.ts';
import { nameOn } from '../units/names.ts';
import { NOTICE_WORKDAYS } from '../calendar/workdays.ts';
import { deriveLifecycle, type Lifecycle, type LifecycleFacts } from './lifecycle.ts';
import { toPublicExemplar, type PublicExemplar } from './public.ts';

/** A 公示 batch as published: from its first day on. */
export type PublicNotice = {
	id: string;
	year: number;
	title: string;
	docNumber?: string;
	start: string;
	/** The 7th working day. */
	end: string;
	/** Always 7 (seed 000 第八条), carried so pages say it from the data. */
	workdays: number;
	/** `open` through the 7th working day, `closed` after it. */
	state: 'open' | 'closed';
	/** The candidates of the batch, by id. */
	candidateIds: string[];
};

/** A public candidate's files: the story source and the photos to serve. */
export interface PublicFiles {
	candidateId: string;
	/** The MDX story (the validator has refused anything but plain Markdown). */
	story?: string;
	/** Photos, in order: the path inside the data folder and where the site serves it. */
	photos: { path: string; src: string }[];
}

/** Everything published about exemplars. */
export interface ExemplarPublication {
	exemplars: PublicExemplar[];
	notices: PublicNotice[];
	files: PublicFiles[];
}

type Rows<K extends keyof Dataset> = Dataset[K] extends readonly (infer R)[] ? R : never;

/** The exemplar tables of a dataset indexed by id and candidate: made once per dataset (thousands of candidates). */
interface Index {
	candidates: Map<string, Rows<'candidates'>['value']>;
	notices: Map<string, Rows<'notices'>['value']>;
	reviews: Map<string, Rows<'reviews'>['value'][]>;
	events: Map<string, Rows<'events'>['value'][]>;
	photos: Map<string, Rows<'photos'>[]>;
	units: Map<string, Rows<'units'>['value']>;
	unitNames: Rows<'unitNames'>['value'][];
}
const indexes = new WeakMap<Dataset, Index>();

function indexOf(d: Dataset): Index {
	let index = indexes.get(d);
	// Stryker disable next-line ConditionalExpression: an index made again is the same; the cache only saves time.
	if (!index) {
		const values = <T>(rows: readonly { value: T }[]) => rows.map((r) => r.value);
		index = {
			candidates: new Map(d.candidates.map((c) => [c.value.id, c.value])),
			notices: new Map(d.notices.map((n) => [n.value.id, n.value])),
			reviews: Map.groupBy(values(d.reviews), (r) => r.candidateId),
			events: Map.groupBy(values(d.events), (e) => e.candidateId),
			photos: Map.groupBy(d.photos, (p) => p.candidateId),
			units: new Map(d.units.map((u) => [u.value.id, u.value])),
			unitNames: values(d.unitNames),
		};
		// Stryker disable next-line CallExpression: an index made again is the same; the cache only saves time.
		indexes.set(d, index);
	}
	return index;
}

/** The lifecycle facts of a candidate, gathered from the dataset. */
export function factsOf(d: Dataset, candidateId: string): LifecycleFacts {
	const index = indexOf(d);
	const c = index.candidates.get(candidateId)!;
	const n = c.noticeId ? index.notices.get(c.noticeId) : undefined;
	return {
		recommendedOn: c.recommendedOn,
		review: c.review,
		// Stryker disable next-line ArrayDeclaration: a stray string among the replies has no date, so the lifecycle reads nothing from it.
		reviews: index.reviews.get(c.id) ?? [],
		notice: n && { start: n.start, end: n.end },
		// Stryker disable next-line ArrayDeclaration: a stray string among the events has no date, so the lifecycle skips it.
		events: index.events.get(c.id) ?? [],
	};
}

/** Every candidate's lifecycle on `asOf`, by id (for the office's own tools; never published as such). */
export function lifecycles(d: Dataset, asOf: string): Map<string, Lifecycle> {
	return new Map(d.candidates.map((c) => [c.value.id, deriveLifecycle(factsOf(d, c.value.id), asOf)]));
}

/** What the site publishes about exemplars on `asOf`, sorted by year (newest first) and id. */
export function exemplarPublication(d: Dataset, asOf: string): ExemplarPublication {
	// Stryker disable next-line ObjectLiteral: an empty object publishes none of the three either (each is read as a flag).
	const publish = d.site?.publishCandidateFields ?? { birth: false, political: false, education: false };
	const exemplars: PublicExemplar[] = [];
	const files: PublicFiles[] = [];
	const index = indexOf(d);
	for (const { value: c } of d.candidates) {
		const lifecycle = deriveLifecycle(factsOf(d, c.id), asOf);
		const notice = c.noticeId ? index.notices.get(c.noticeId) : undefined;
		const unit = index.units.get(c.recommender)!;
		const photos = index.photos.get(c.id) ?? [];
		const record = toPublicExemplar(
			{
				candidate: c,
				lifecycle,
				notice: notice && { id: notice.id, title: notice.title },
				recommender: {
					name: nameOn(index.unitNames, c.recommender, c.recommendedOn),
					category: unit.category,
				},
				photos: photos.map((p) => ({
					ext: /\.png$/i.test(p.file) ? ('png' as const) : ('jpg' as const),
					width: p.width,
					height: p.height,
				})),
			},
			publish,
		);
		if (!record) continue;
		exemplars.push(record);
		files.push({
			candidateId: c.id,
			story: d.stories.get(c.id)?.source,
			photos: photos.map((p, i) => ({ path: p.path, src: record.photos[i].src })),
		});
	}
	// Stryker disable next-line EqualityOperator: candidate ids are unique, so < and <= never differ.
	exemplars.sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : 1));
	const byNotice = Map.groupBy(exemplars, (e) => e.noticeId);
	const notices: PublicNotice[] = d.notices
		.map((n) => n.value)
		// A notice with a public candidate has started (a candidate is public from its notice's first day). One no
		// candidate is on says nothing to the public ("拟认定人选（0人）"): it is withheld, and the validator warns
		// (notice-empty).
		.filter((n) => byNotice.has(n.id))
		.map((n) => ({
			id: n.id,
			year: n.year,
			title: n.title,
			docNumber: n.docNumber || undefined,
			start: n.start,
			end: n.end,
			workdays: NOTICE_WORKDAYS,
			state: asOf <= n.end ? ('open' as const) : ('closed' as const),
			candidateIds: byNotice.get(n.id)!.map((e) => e.id),
		}))
		.sort((a, b) =>
			// Stryker disable next-line EqualityOperator: ids are unique, so < and <= never differ.
			a.start < b.start ? 1 : a.start > b.start ? -1 : a.id < b.id ? -1 : 1,
		);
	return { exemplars, notices, files };
}
