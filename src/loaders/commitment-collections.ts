/**
 * Content collections of the 政务诚信公开承诺 publication (issue 6), fed from the validated dataset of DATA_DIR:
 * `commitments` (each commitments.csv row with its updates.csv rows, in file order) and `pledges` (pledges.csv).
 * Every field of both files is public. Status, 逾期 and history are derived in `src/lib/commitments/`, not here.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { fromDataset as rows } from './from-dataset.ts';
import { loadDataset } from './pipeline.ts';
import { commitmentSchema, commitmentUpdateSchema } from '../schemas/commitment.ts';
import { pledgeSchema } from '../schemas/pledge.ts';

const commitments = defineCollection({
	loader: rows('commitments', () => {
		const d = loadDataset();
		const updates = new Map<string, (typeof d.commitmentUpdates)[number]['value'][]>();
		for (const { value: u } of d.commitmentUpdates) {
			const list = updates.get(u.commitmentId);
			if (list) list.push(u);
			else updates.set(u.commitmentId, [u]);
		}
		return d.commitments.map(({ value: c }) => [c.id, { ...c, updates: updates.get(c.id) ?? [] }]);
	}),
	schema: commitmentSchema.extend({ updates: z.array(commitmentUpdateSchema) }),
});

const pledges = defineCollection({
	loader: rows('pledges', () => loadDataset().pledges.map(({ value: p }) => [p.id, p])),
	schema: pledgeSchema,
});

export const commitmentCollections = { commitments, pledges };
