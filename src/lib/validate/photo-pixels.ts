/**
 * Every photo the validator accepted, fully decoded (issue 15): a JPEG or PNG cut short or with a corrupt segment is an
 * error before any page is built. The checks of `checks/photos.ts` read the header and run the build's own metadata
 * stripping; whether every pixel decodes takes a real decoder, and the reliable ones are asynchronous (libjpeg and
 * libpng through sharp in Node; the browser's own decoder in a page). So the decoder is handed in, and this pass stays
 * pure: `validateDataDir` (src/loaders/data-dir.ts) runs it with sharp, the office page's worker
 * (src/scripts/office-worker.ts) with the browser's `createImageBitmap`.
 *
 * The bytes decoded are the bytes the site publishes (`publishablePhoto`: metadata stripped), so an accepted photo is
 * one the public's browser can show.
 */
import type { Issue } from '../issues.ts';
import type { DataFiles } from './context.ts';
import type { Photo } from './checks/photos.ts';
import { PHOTO_HEIGHT, PHOTO_MAX_BYTES, PHOTO_WIDTH, photoUnreadable } from './checks/photos.ts';
import { publishablePhoto } from '../exemplars/photo.ts';

/** Decodes an image whole; rejects when any part of it is missing or corrupt (a decoder's warning included). */
export type PhotoDecoder = (bytes: Uint8Array) => Promise<{ width: number; height: number }>;

/** How many photos are decoded at a time (sharp decodes on libuv's threads). */
const AT_ONCE = 4;

/** Decodes begun before the checks ran (`startDecoding`): what each photo file's decode found, by path. */
export type EarlyDecodes = ReadonlyMap<string, Promise<string | undefined>>;

/**
 * Starts decoding every file of `exemplars/photos/` that can be a photo (a JPEG or PNG name, under the size limit),
 * before the checks run. The checks are synchronous and take seconds on a city's data, and the decoder works on
 * other threads (sharp on libuv's), so the photos are decoded on another core meanwhile; `decodePhotos` then takes
 * the results of the photos the checks accepted and ignores the others. `decode` must start decoding when it is
 * called, before its first `await`: nothing awaited runs until the checks are done.
 */
export function startDecoding(files: Pick<DataFiles, 'list' | 'read'>, decode: PhotoDecoder): EarlyDecodes {
	const started = new Map<string, Promise<string | undefined>>();
	for (const name of files.list('exemplars/photos')) {
		if (!/\.(jpe?g|png)$/i.test(name)) continue;
		const path = `exemplars/photos/${name}`;
		const bytes = files.read(path);
		// The checks refuse a larger file unread; a hostile one is not decoded either.
		if (!bytes || bytes.length >= PHOTO_MAX_BYTES) continue;
		started.set(path, pixelProblem(bytes, decode));
	}
	return started;
}

/**
 * Decodes every accepted photo of a validated dataset: each that does not decode is reported (once per file) and
 * taken out of `d.photos`. Issues are added in the order of the photos, whatever order the decodes finish in.
 * @param files the data folder the dataset was validated from
 * @param shown how paths are shown in messages (e.g. `data/`)
 * @param early decodes begun before the checks (`startDecoding`), used for the photos they cover
 */
export async function decodePhotos(
	d: { photos: Photo[]; issues: Issue[] },
	files: Pick<DataFiles, 'read'>,
	decode: PhotoDecoder,
	shown: string,
	early: EarlyDecodes = new Map(),
): Promise<void> {
	const paths = [...new Set(d.photos.map((p) => p.path))];
	const problems: (string | undefined)[] = new Array(paths.length);
	let next = 0;
	const worker = async () => {
		while (next < paths.length) {
			const i = next++;
			problems[i] = await (early.get(paths[i]) ?? pixelProblem(files.read(paths[i]), decode));
		}
	};
	await Promise.all(Array.from({ length: Math.min(AT_ONCE, paths.length) }, worker));
	const bad = new Set<string>();
	paths.forEach((path, i) => {
		if (problems[i] === undefined) return;
		bad.add(path);
		d.issues.push({
			file: shown + path,
			line: 1,
			column: 1,
			code: 'photo-corrupt',
			message: problems[i],
			severity: 'error',
		});
	});
	if (bad.size) d.photos = d.photos.filter((p) => !bad.has(p.path));
}

/** Why a photo's published bytes do not decode to 120×160 pixels, or undefined when they do. */
async function pixelProblem(
	bytes: Uint8Array | undefined,
	decode: PhotoDecoder,
): Promise<string | undefined> {
	// The file was read moments ago by the checks; gone now, it is no photo to publish.
	if (!bytes) return photoUnreadable('文件已不存在');
	let size: { width: number; height: number };
	try {
		size = await decode(publishablePhoto(bytes).bytes);
	} catch {
		// Not the decoder's own words: they are English (libjpeg's "Corrupt JPEG data: bad Huffman code", sharp's "Warning
		// treated as error due to failOn setting", the browser's "The source image could not be decoded"), and differ
		// between the command line and the office page for one file. What to do is the same: export the photo again.
		return photoUnreadable('图像数据不完整或已损坏');
	}
	if (size.width !== PHOTO_WIDTH || size.height !== PHOTO_HEIGHT)
		return photoUnreadable(
			`文件头写的是 ${PHOTO_WIDTH}×${PHOTO_HEIGHT} 像素，图像数据却是 ${size.width}×${size.height} 像素`,
		);
	return undefined;
}
