/**
 * Content collections. Every collection is fed from the validated dataset of DATA_DIR (`src/loaders/pipeline.ts`):
 * the validator, not Astro's file() loader, decides what is valid, and a dataset with any error stops the build.
 *
 * The evidence rows and the score results are not collections: Astro's data store is bundled into the page build
 * as one JavaScript module, and at city scale (a million evidence rows, 9,600 unit-quarters of indicator results)
 * that module was 257 MB and the content sync alone took minutes. Pages read them from the pipeline's per-process
 * memo instead (`src/page-data/quarters.ts`, `src/page-data/evidence.ts`). Nor are the units' 失信 records: they reach a
 * page only through `src/lib/dishonesty/public.ts`, which withholds a repaired record's details.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { fromDataset } from './loaders/from-dataset.ts';
import { loadDataset } from './loaders/pipeline.ts';
import { asOfDate } from './lib/asof.ts';
import { exemplarCollections } from './loaders/exemplar-collections.ts';
import { commitmentCollections } from './loaders/commitment-collections.ts';
import { dataDir, diskFiles } from './loaders/data-dir.ts';
import { policySchema } from './schemas/policy.ts';
import { decodeText } from './lib/csv.ts';
import { renderMarkdown } from './lib/markdown/render.ts';
import { siteSchema } from './schemas/site.ts';
import { unitSchema } from './schemas/unit.ts';
import { unitAsOf } from './lib/units/names.ts';
import { rubricSchema } from './schemas/rubric.ts';

/** The site identity, with the build's as-of date (the date every date-dependent state is computed for). */
const site = defineCollection({
	loader: fromDataset('site', () => [['site', { ...loadDataset().site!, asOf: asOfDate() }]]),
	schema: siteSchema.extend({ asOf: z.string() }),
});

const units = defineCollection({
	loader: fromDataset('units', () => {
		const d = loadDataset();
		const asOf = asOfDate();
		return d.units.flatMap((u) => {
			const names = d.unitNames
				.filter((n) => n.value.unitId === u.value.id)
				.map((n) => ({ name: n.value.name, from: n.value.from, to: n.value.to }))
				.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
			// As published on the as-of date: a unit set up, renamed, dissolved or merged later is so from that day on.
			const unit = unitAsOf(u.value, names, asOf);
			return unit ? [[u.value.id, unit] as [string, typeof unit]] : [];
		});
	}),
	schema: unitSchema.extend({
		names: z.array(z.object({ name: z.string(), from: z.string().optional(), to: z.string().optional() })),
	}),
});

const rubrics = defineCollection({
	loader: fromDataset('rubrics', () => [...loadDataset().rubrics].map(([y, r]) => [String(y), r])),
	schema: rubricSchema,
});

/**
 * The office's policy documents: metadata from policies.csv, text from policies/<id>.mdx, read and decoded as the
 * validator read it and rendered by the site's one Markdown pipeline (`src/lib/markdown/render.ts`).
 */
const policies = defineCollection({
	loader: {
		name: 'policies',
		load: async ({ store, parseData }) => {
			store.clear();
			const dir = dataDir();
			const files = diskFiles(dir);
			for (const { value } of loadDataset().policies) {
				const rel = `policies/${value.id}.mdx`;
				const bytes = files.read(rel);
				const text = bytes && decodeText(bytes, rel).text;
				if (text === undefined)
					throw new Error(`${rel}：读取失败（检查通过后文件被改动？请重新运行 npm run build）`);
				store.set({
					id: value.id,
					data: await parseData({ id: value.id, data: value }),
					rendered: { html: renderMarkdown(text, rel) },
				});
			}
		},
	},
	schema: policySchema,
});

export const collections = {
	site,
	units,
	rubrics,
	policies,
	...exemplarCollections,
	...commitmentCollections,
};
