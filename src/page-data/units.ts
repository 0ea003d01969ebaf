/**
 * The public shape of units: `/data/units.json` = `[{ id, name, category, names: [{ name, from, to }] }]`, and every
 * unit's name today, for the pages that point from a past name to the current one.
 */
import { getCollection, getEntry } from 'astro:content';
import { nameOn } from '../lib/units/names.ts';

/** Each unit's name on the build's as-of date, by id. */
export async function currentNames(): Promise<Map<string, string>> {
	const asOf = (await getEntry('site', 'site'))!.data.asOf;
	return new Map((await getCollection('units')).map(({ data: u }) => [u.id, nameOn(u.names, u.id, asOf)]));
}

/** Units with their name on the as-of date and their name history, sorted by id. */
export async function publicUnits() {
	const units = await getCollection('units');
	const names = await currentNames();
	return units
		.map(({ data: u }) => ({
			id: u.id,
			name: names.get(u.id)!,
			category: u.category,
			from: u.from ?? null,
			to: u.to ?? null,
			mergedInto: u.mergedInto ?? null,
			names: u.names.map((n) => ({ name: n.name, from: n.from ?? null, to: n.to ?? null })),
		}))
		.sort((a, b) => (a.id < b.id ? -1 : 1));
}
