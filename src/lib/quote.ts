/**
 * Quoting a value of the office's data in a message. A message is one line of the validator's report, and a value can
 * be a 200 KB cell, hold line breaks, or hold control characters that a terminal would act on; quoted here, it cannot
 * break the one-problem-per-line report or flood it.
 */

/** Most characters of a value a message quotes. */
export const QUOTE_MAX_CHARS = 80;

/** A line break as messages show it. */
export const LINE_BREAK_MARK = '⏎';

/** Shows a character that must not reach a terminal or a one-line message. */
function visible(c: string): string {
	const code = c.codePointAt(0)!;
	return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

// eslint-disable-next-line no-control-regex
const HIDDEN =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** What needs more than quotes: a line break, or a character `HIDDEN` shows by its code. */
// eslint-disable-next-line no-control-regex
const SPECIAL =
	/[\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * A value in double quotes for a message: at most `QUOTE_MAX_CHARS` characters (code points; longer values end in `…`
 * and give their length), each line break (`\r\n`, `\r` or `\n`) shown as ⏎, and control, zero-width and
 * direction-control characters shown as their code (`[U+202E]`). Only the quoted part is looked at, so quoting a huge
 * value costs no more than quoting a short one.
 */
export function quoteValue(value: string): string {
	// Most values are short, one-line and clean: quoted as they are (the validator may quote 200,000 of them).
	if (value.length <= QUOTE_MAX_CHARS && !SPECIAL.test(value)) return `"${value}"`;
	let out = '';
	let n = 0;
	let i = 0;
	for (; i < value.length && n < QUOTE_MAX_CHARS; n++) {
		const code = value.codePointAt(i)!;
		const width = code > 0xffff ? 2 : 1;
		if (code === 13 && value.charCodeAt(i + 1) === 10) {
			out += LINE_BREAK_MARK;
			i += 2;
			continue;
		}
		out += code === 10 || code === 13 ? LINE_BREAK_MARK : value.slice(i, i + width);
		i += width;
	}
	out = out.replace(HIDDEN, visible);
	if (i >= value.length) return `"${out}"`;
	return `"${out}…"（共 ${[...value].length} 字）`;
}
