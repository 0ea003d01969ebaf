/**
 * From the validated dataset to what the site publishes about 政务诚信典型 on the as-of date: the public records
 * (through `toPublicExemplar`, the only door), the 公示 batches that have started, and which photo and story files
 * belong to public candidates. Pure: the loader does the reading and rendering.
 */
import type { Dataset } from '../validate/dataset.ts';
import { nameOn } from '../scoring/score.ts';
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

/** The lifecycle facts of a candidate, gathered from the dataset. */
export function factsOf(d: Dataset, candidateId: string): LifecycleFacts {
	const c = d.candidates.find((x) => x.value.id === candidateId)!.value;
	const n = c.noticeId ? d.notices.find((x) => x.value.id === c.noticeId)?.value : undefined;
	return {
		recommendedOn: c.recommendedOn,
		review: c.review,
		reviews: d.reviews.filter((r) => r.value.candidateId === c.id).map((r) => r.value),
		notice: n && { start: n.start, end: n.end },
		events: d.events.filter((e) => e.value.candidateId === c.id).map((e) => e.value),
	};
}

/** Every candidate's lifecycle on `asOf`, by id (for the office's own tools; never published as such). */
export function lifecycles(d: Dataset, asOf: string): Map<string, Lifecycle> {
	return new Map(d.candidates.map((c) => [c.value.id, deriveLifecycle(factsOf(d, c.value.id), asOf)]));
}

/** What the site publishes about exemplars on `asOf`, sorted by year (newest first) and id. */
export function exemplarPublication(d: Dataset, asOf: string): ExemplarPublication {
	const publish = d.site?.publishCandidateFields ?? { birth: false, political: false, education: false };
	const exemplars: PublicExemplar[] = [];
	const files: PublicFiles[] = [];
	for (const { value: c } of d.candidates) {
		const lifecycle = deriveLifecycle(factsOf(d, c.id), asOf);
		const notice = d.notices.find((n) => n.value.id === c.noticeId)?.value;
		const unit = d.units.find((u) => u.value.id === c.recommender)!.value;
		const photos = d.photos.filter((p) => p.candidateId === c.id);
		const record = toPublicExemplar(
			{
				candidate: c,
				lifecycle,
				notice: notice && { id: notice.id, title: notice.title },
				recommender: {
					name: nameOn(
						d.unitNames.map((n) => n.value),
						c.recommender,
						c.recommendedOn,
					),
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
	exemplars.sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : 1));
	const notices: PublicNotice[] = d.notices
		.map((n) => n.value)
		.filter((n) => n.start <= asOf)
		.map((n) => ({
			id: n.id,
			year: n.year,
			title: n.title,
			docNumber: n.docNumber || undefined,
			start: n.start,
			end: n.end,
			workdays: NOTICE_WORKDAYS,
			state: asOf <= n.end ? ('open' as const) : ('closed' as const),
			candidateIds: exemplars.filter((e) => e.noticeId === n.id).map((e) => e.id),
		}))
		.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : a.id < b.id ? -1 : 1));
	return { exemplars, notices, files };
}
