/**
 * Reading the scored quarters from the content layer, typed, newest first.
 */
import { getCollection } from 'astro:content';
import type { QuarterResult } from '../scoring/score.ts';
import { quarterIndex, type QuarterId } from '../quarters.ts';

export type ScoredQuarter = QuarterResult & { asOf: string };

/** All scored quarters, newest first. */
export async function scoredQuarters(): Promise<ScoredQuarter[]> {
	const entries = await getCollection('quarters');
	return entries
		.map((e) => e.data as ScoredQuarter)
		.sort((a, b) => quarterIndex(b.quarter as QuarterId) - quarterIndex(a.quarter as QuarterId));
}
