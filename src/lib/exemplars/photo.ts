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
 * The segments a JPEG needs to be decoded, kept as they are: frame headers (SOF0–SOF15 but for DHT, JPG and DAC),
 * Huffman and quantisation tables (DHT, DQT), arithmetic conditioning (DAC), the restart interval (DRI) and scan headers
 * (SOS). The decoder reads each of these to its declared length and refuses one with bytes left over, so no text rides
 * in them unseen. A DNL (number of lines) is kept only at its fixed length of 4: a longer one is read by no decoder,
 * and an audit carried an ID number in one.
 */
const JPEG_KEEP = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xda, 0xdb, 0xdd,
]);

/**
 * A JPEG with only the segments that decode the picture (`JPEG_KEEP`, a DNL of 4 bytes, the fixed JFIF and Adobe
 * headers): no EXIF, XMP, IPTC, ICC, thumbnails, COM comments or any other segment, wherever they appear (a
 * progressive JPEG may have segments between its scans), and nothing after its end.
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
		else if (JPEG_KEEP.has(marker) || (marker === 0xdc && length === 4))
			for (let k = i; k < end; k++) out.push(bytes[k]);
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

/**
 * PNG chunks that carry pixels or how to show them, each with the lengths the PNG specification gives it (a chunk of
 * another length is one no viewer reads as it is, and could carry text): `true` for any length (the image data), or a
 * test of the length and the image's colour type (IHDR's tenth byte). A palette (PLTE) is kept only for a palette
 * image (type 3): in a true-colour image it is an optional suggestion no browser uses, and an audit hid an ID number
 * in one. Text, time, EXIF, ICC, background and significant-bits chunks are dropped.
 */
const PNG_KEEP: Record<string, true | ((length: number, colourType: number) => boolean)> = {
	IHDR: (n) => n === 13,
	PLTE: (n, type) => type === 3 && n % 3 === 0 && n <= 768,
	IDAT: true,
	IEND: (n) => n === 0,
	// Type 0: one grey level (2 bytes); type 2: one colour (6); type 3: an alpha for each palette entry (up to 256).
	tRNS: (n, type) => (type === 0 ? n === 2 : type === 2 ? n === 6 : type === 3 && n <= 256),
	gAMA: (n) => n === 4,
	cHRM: (n) => n === 32,
	sRGB: (n) => n === 1,
	pHYs: (n) => n === 9,
};

/** A PNG with only the chunks of `PNG_KEEP`, at their lengths (drops tEXt, zTXt, iTXt, eXIf, tIME, iCCP …). */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
	const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (!sig.every((b, k) => bytes[k] === b)) throw new Error('不是 PNG 文件');
	const parts: Uint8Array[] = [bytes.subarray(0, 8)];
	// IHDR comes first (the specification's rule; the validator decodes every photo, so it does here): its data's
	// tenth byte is the colour type.
	const colourType = bytes[8 + 8 + 9];
	let i = 8;
	while (i + 8 <= bytes.length) {
		const length = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
		const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
		const end = i + 12 + length;
		const keep = Object.hasOwn(PNG_KEEP, type) ? PNG_KEEP[type] : undefined;
		if (keep === true || keep?.(length, colourType)) parts.push(bytes.subarray(i, end));
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
