/**
 * Finding repeated keys among a million records (every evidence id of every quarter must be unique).
 *
 * Hand-written rather than a `Set`: at this size a `Set<string>` costs several cache misses per key (its table, the
 * entry, the stored string it compares against, and every stored string again each time it grows), about half a
 * microsecond a key and more the more keys there are — it made checking twice the data take well over twice the
 * time. Here each slot keeps the key's hash beside the record number, so a lookup touches one place in memory and
 * reads a stored key only when the hashes match. No library we use offers this.
 */
import { quoteValue } from '../quote.ts';

/** An empty slot. Record numbers are stored plus one. */
const EMPTY = 0;

/** FNV-1a over the UTF-16 code units, then mixed (murmur3's finaliser) so that ids differing in the last digit
 *  land far apart. */
function hashOf(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** The first record of every key, by record number (open addressing with linear probing). */
export class FirstSeen {
	private slots = new Int32Array(1024);
	private hashes = new Int32Array(1024);
	private size = 0;
	private readonly keyAt: (n: number) => string;

	/** @param keyAt the key of an earlier record, by its number (read only when hashes match) */
	constructor(keyAt: (n: number) => string) {
		this.keyAt = keyAt;
	}

	/**
	 * Notes that record `n` has `key`, unless an earlier record had it.
	 * @returns the number of the earlier record with this key, or −1 when the key is new
	 */
	add(key: string, n: number): number {
		const h = hashOf(key);
		const mask = this.slots.length - 1;
		let j = h & mask;
		// The probe stops at an empty slot, which a table at most half full always has; the bound only turns a
		// broken invariant into an error instead of a build that never ends.
		for (let s = this.slots[j], probes = 0; s !== EMPTY; s = this.slots[(j = (j + 1) & mask)]) {
			if (this.hashes[j] === h && this.keyAt(s - 1) === key) return s - 1;
			if (++probes > mask) throw new Error('重复编号的查找表已满');
		}
		this.slots[j] = n + 1;
		this.hashes[j] = h;
		// At most half full, so that a probe meets an empty slot soon.
		if (++this.size * 2 > this.slots.length) this.grow();
		return -1;
	}

	private grow(): void {
		const { slots, hashes } = this;
		this.slots = new Int32Array(slots.length * 2);
		this.hashes = new Int32Array(slots.length * 2);
		const mask = this.slots.length - 1;
		for (let i = 0; i < slots.length; i++) {
			if (slots[i] === EMPTY) continue;
			let j = hashes[i] & mask;
			while (this.slots[j] !== EMPTY) j = (j + 1) & mask;
			this.slots[j] = slots[i];
			this.hashes[j] = hashes[i];
		}
	}
}

/**
 * A key as case-insensitive file systems and URL handling see it: NFKC (full-width `ｔ１` is `t1`), lower case. Every
 * key the long way: for a million ASCII evidence ids it is no slower than testing each for the few that need it.
 */
export function foldKey(k: string): string {
	return k.normalize('NFKC').toLowerCase();
}

/**
 * The first item of every key, in order, keys compared folded (`foldKey`); each later item with a key seen before is
 * given to `onRepeat` with the first item of its key, and left out. The loop of `CheckContext.unique` (repeats between
 * valid records) and of the table reader's repeats within a file where a row was refused.
 */
export function firstOfEachKey<T>(
	items: readonly T[],
	keyOf: (item: T) => string,
	onRepeat: (item: T, first: T) => void,
): T[] {
	const firsts: T[] = [];
	const folded: string[] = [];
	const seen = new FirstSeen((n) => folded[n]);
	for (const item of items) {
		const f = foldKey(keyOf(item));
		const earlier = seen.add(f, firsts.length);
		if (earlier < 0) {
			firsts.push(item);
			folded.push(f);
		} else onRepeat(item, firsts[earlier]);
	}
	return firsts;
}

/**
 * The message of a key that repeats an earlier row's: the same as typed, or the same only once folded (`foldKey`).
 * @param label what the key is called (单位编号, 记录编号 …)
 */
export function repeatMessage(
	label: string,
	key: string,
	file: string,
	firstLine: number,
	firstKey: string,
): string {
	return firstKey === key
		? `${label} ${quoteValue(key)} 重复，与 ${file} 第 ${firstLine} 行相同；每个${label}只能出现一次`
		: `${label} ${quoteValue(key)} 与 ${file} 第 ${firstLine} 行的 ${quoteValue(firstKey)} 只差大小写或全角半角，` +
				`在网址和文件名中会被当作同一个；请改用不同的${label}`;
}
