/**
 * The content-layer loader every dataset collection uses: puts a list of records into the store under their ids,
 * validated by the collection's schema. The records come from the validated dataset (src/loaders/pipeline.ts).
 */
import type { Loader } from 'astro/loaders';

/** A loader that stores `entries()` (id and record) in the collection. */
export function fromDataset<T extends Record<string, unknown>>(
	name: string,
	entries: () => [string, T][],
): Loader {
	return {
		name,
		load: async ({ store, parseData }) => {
			store.clear();
			for (const [id, data] of entries()) store.set({ id, data: await parseData({ id, data }) });
		},
	};
}
