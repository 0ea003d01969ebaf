/**
 * The public shape of units: `/data/units.json` = `[{ id, name, category, names: [{ name, from, to }] }]`.
 */
import { getCollection } from 'astro:content';

/** Units with their current (latest) name and name history, sorted by id. */
export async function publicUnits() {
	const units = await getCollection('units');
	return units
		.map(({ data: u }) => ({
			id: u.id,
			name: u.names[u.names.length - 1]?.name ?? u.id,
			category: u.category,
			from: u.from ?? null,
			to: u.to ?? null,
			mergedInto: u.mergedInto ?? null,
			names: u.names.map((n) => ({ name: n.name, from: n.from ?? null, to: n.to ?? null })),
		}))
		.sort((a, b) => (a.id < b.id ? -1 : 1));
}
