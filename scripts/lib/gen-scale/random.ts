/** Seeded randomness and the small helpers every row builder of the generator uses. */
import { addDays } from '../../../src/lib/calendar/workdays.ts';

/** mulberry32: a small seeded PRNG, so every run writes the same data. */
export function prng(seed: number) {
	let s = seed | 0;
	const next = () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
		chance: (p: number) => next() < p,
	};
}
export type Rand = ReturnType<typeof prng>;

/** `n` written with at least `w` digits (leading zeros). */
export const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** A random date from `from` to `to`, both included. */
export const dayIn = (r: Rand, from: string, to: string) => {
	const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
	return addDays(from, r.int(span + 1));
};
