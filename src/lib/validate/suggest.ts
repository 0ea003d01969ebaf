/**
 * "Did you mean": for an id that does not exist, the existing id the office most likely meant — the same id in
 * another case or with full-width letters, or one a typo or two away (Levenshtein distance, `fastest-levenshtein`).
 * Pure; one suggester per list of ids, remembering its answers (a file can repeat one wrong id thousands of times).
 */
import { distance } from 'fastest-levenshtein';
import { toHalfWidth } from '../../schemas/table.ts';

/** How many edits a suggestion may be away: one for short ids, two from eight characters on. */
const maxEdits = (id: string) => (id.length >= 8 ? 2 : 1);

/**
 * A function that gives the existing id closest to an unknown one, or undefined when none is close enough (or two
 * are equally close: then guessing would mislead).
 */
export function suggester(ids: Iterable<string>): (unknown: string) => string | undefined {
	const known = [...new Set(ids)];
	const folded = new Map<string, string[]>();
	for (const id of known) {
		const k = toHalfWidth(id).toLowerCase();
		folded.set(k, [...(folded.get(k) ?? []), id]);
	}
	const memo = new Map<string, string | undefined>();
	return (unknown) => {
		if (memo.has(unknown)) return memo.get(unknown);
		let answer: string | undefined;
		const same = folded.get(toHalfWidth(unknown).trim().toLowerCase());
		if (same?.length === 1) answer = same[0];
		else if (!same) {
			let best = maxEdits(unknown) + 1;
			let ties = 0;
			for (const id of known) {
				const d = distance(unknown, id);
				if (d < best) ((best = d), (answer = id), (ties = 0));
				else if (d === best) ties++;
			}
			if (ties) answer = undefined;
		}
		memo.set(unknown, answer);
		return answer;
	};
}

/** The sentence a message adds for a suggestion: `；是否应为 "hcjd"？`, or nothing. */
export const didYouMean = (suggestion: string | undefined): string =>
	suggestion === undefined ? '' : `；是否应为 "${suggestion}"？`;
