/**
 * Content collections of the 政务诚信典型 publication (issue 5). Public records only: privacy by construction. Every
 * entry comes out of `exemplarPublication` (and so through `toPublicExemplar`), and each schema is strict, so nothing
 * else the office keeps — contacts, 推荐单位意见, review replies, objections — can reach a page.
 *
 * - `exemplars`: the public candidates on the as-of date, each with its story rendered by the site's one Markdown
 *   pipeline (`src/lib/markdown/render.ts`: the validator's parser, then an allowlist sanitizer);
 * - `exemplarNotices`: the 公示 batches that have started;
 * - `exemplarPhotos`: the photos of public candidates, metadata stripped, to be served by the photo route.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { loadDataset } from './pipeline.ts';
import { dataDir, diskFiles } from './data-dir.ts';
import { asOfDate } from '../lib/asof.ts';
import { exemplarPublication, type ExemplarPublication } from '../lib/exemplars/publish.ts';
import { publicExemplarSchema } from '../lib/exemplars/public.ts';
import { publishablePhoto } from '../lib/exemplars/photo.ts';
import { renderMarkdown } from '../lib/markdown/render.ts';

let cached: ExemplarPublication | undefined;
/** The publication, computed once per build. */
function publication(): ExemplarPublication {
	cached ??= exemplarPublication(loadDataset(), asOfDate());
	return cached;
}

const exemplars = defineCollection({
	loader: {
		name: 'exemplars',
		load: async ({ store, parseData }) => {
			store.clear();
			const pub = publication();
			const stories = new Map(pub.files.map((f) => [f.candidateId, f.story]));
			for (const record of pub.exemplars) {
				const story = stories.get(record.id);
				store.set({
					id: record.id,
					data: await parseData({ id: record.id, data: record }),
					// The story's headings sit under the profile's "详细事迹" heading: one level down.
					rendered: story
						? { html: renderMarkdown(story, `exemplars/stories/${record.id}.mdx`, { headingOffset: 1 }) }
						: undefined,
				});
			}
		},
	},
	schema: publicExemplarSchema,
});

const exemplarNotices = defineCollection({
	loader: {
		name: 'exemplarNotices',
		load: async ({ store, parseData }) => {
			store.clear();
			for (const n of publication().notices)
				store.set({ id: n.id, data: await parseData({ id: n.id, data: n }) });
		},
	},
	schema: z
		.object({
			id: z.string(),
			year: z.number().int(),
			title: z.string(),
			docNumber: z.string().optional(),
			start: z.string(),
			end: z.string(),
			workdays: z.number().int(),
			state: z.enum(['open', 'closed']),
			candidateIds: z.array(z.string()),
		})
		.strict(),
});

const exemplarPhotos = defineCollection({
	loader: {
		name: 'exemplarPhotos',
		load: async ({ store, parseData }) => {
			store.clear();
			// Through the disk view: never through a link, never out of the data folder.
			const files = diskFiles(dataDir());
			for (const f of publication().files)
				for (const p of f.photos) {
					const raw = files.read(p.path);
					if (!raw)
						throw new Error(
							`${p.path}：无法读取（${files.issues.map((i) => i.message).join('；') || '文件不存在'}）`,
						);
					const { bytes } = publishablePhoto(raw);
					const data = {
						candidateId: f.candidateId,
						src: p.src,
						base64: Buffer.from(bytes).toString('base64'),
					};
					store.set({ id: p.src, data: await parseData({ id: p.src, data }) });
				}
		},
	},
	schema: z.object({ candidateId: z.string(), src: z.string(), base64: z.string() }).strict(),
});

export const exemplarCollections = { exemplars, exemplarNotices, exemplarPhotos };
