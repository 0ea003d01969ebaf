/**
 * Publishing a candidate's photo without what a camera or an editor hides in the file: EXIF (camera serial, GPS
 * position, the owner's name), XMP, IPTC and comments can carry personal data that nobody sees in the picture.
 * The image data itself is copied byte for byte (no re-encoding: the file stays as the office checked it, 120×160
 * and under 30 KB, and the result is the same on every build).
 */

/**
 * The two APPn segments that affect decoding, each kept only in its standard fixed form and rewritten to it: APP0
 * "JFIF\0" (version, density units and densities; its thumbnail dropped) and APP14 "Adobe" (its colour transform).
 * Anything else in an APP0 or APP14 (a JFXX thumbnail, bytes appended after the fields) is data a reader cannot see
 * in the picture, and goes. Returns the segment to write, or undefined to drop it.
 */
function decodingSegment(bytes: Uint8Array, i: number, marker: number, length: number): number[] | undefined {
	const id = (text: string) => [...text].every((c, k) => bytes[i + 4 + k] === c.charCodeAt(0));
	if (marker === 0xe0 && length >= 16 && id('JFIF\0')) {
		// Marker, length 16, "JFIF\0", version (2), units (1), densities (2 + 2), thumbnail 0 × 0.
		return [0xff, 0xe0, 0x00, 0x10, ...bytes.subarray(i + 4, i + 4 + 12), 0x00, 0x00];
	}
	if (marker === 0xee && length >= 14 && id('Adobe'))
		// Marker, length 14, "Adobe", version (2), flags (2 + 2), colour transform (1).
		return [0xff, 0xee, 0x00, 0x0e, ...bytes.subarray(i + 4, i + 4 + 12)];
	return undefined;
}

/**
 * A JPEG without APPn segments other than the fixed JFIF and Adobe headers (so no EXIF, XMP, IPTC, ICC, thumbnails)
 * and without COM comments, wherever they appear (a progressive JPEG may have segments between its scans).
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('不是 JPEG 文件');
	const out: number[] = [0xff, 0xd8];
	let i = 2;
	while (i < bytes.length) {
		if (bytes[i] !== 0xff) throw new Error(`JPEG 结构错误（第 ${i} 字节）`);
		// Fill bytes: any number of 0xFF before a marker.
		while (bytes[i + 1] === 0xff) i++;
		const marker = bytes[i + 1];
		if (marker === 0xd9) {
			out.push(0xff, 0xd9);
			return Uint8Array.from(out);
		}
		const length = (bytes[i + 2] << 8) | bytes[i + 3];
		const end = i + 2 + length;
		if (marker >= 0xe0 && marker <= 0xef) out.push(...(decodingSegment(bytes, i, marker, length) ?? []));
		else if (marker !== 0xfe) for (let k = i; k < end; k++) out.push(bytes[k]);
		i = end;
		if (marker === 0xda) {
			// Entropy-coded data follows until the next marker that is not a stuffed 0x00 or a restart marker.
			while (i < bytes.length) {
				if (bytes[i] === 0xff && bytes[i + 1] !== 0x00 && !(bytes[i + 1] >= 0xd0 && bytes[i + 1] <= 0xd7))
					break;
				out.push(bytes[i++]);
			}
		}
	}
	throw new Error('JPEG 文件不完整（缺少结束标记）');
}

/** PNG chunks that carry pixels or how to show them; text, time and EXIF chunks are dropped. */
const PNG_KEEP = new Set([
	'IHDR',
	'PLTE',
	'IDAT',
	'IEND',
	'tRNS',
	'gAMA',
	'cHRM',
	'sRGB',
	'sBIT',
	'pHYs',
	'bKGD',
]);

/** A PNG with only the chunks in `PNG_KEEP` (drops tEXt, zTXt, iTXt, eXIf, tIME, iCCP and any private chunk). */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
	const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (!sig.every((b, k) => bytes[k] === b)) throw new Error('不是 PNG 文件');
	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	let i = 8;
	while (i + 8 <= bytes.length) {
		const length = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
		const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
		const end = i + 12 + length;
		if (PNG_KEEP.has(type)) parts.push(bytes.subarray(i, end));
		i = end;
		if (type === 'IEND') break;
	}
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) (out.set(p, at), (at += p.length));
	return out;
}

/** The photo as published: metadata removed, by file type (the validator admits JPEG and PNG only). */
export function publishablePhoto(bytes: Uint8Array): { bytes: Uint8Array; ext: 'jpg' | 'png' } {
	if (bytes[0] === 0x89 && bytes[1] === 0x50) return { bytes: stripPngMetadata(bytes), ext: 'png' };
	return { bytes: stripJpegMetadata(bytes), ext: 'jpg' };
}
