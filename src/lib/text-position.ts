/**
 * Where an offset in a text is, as the office's editor shows it: line and column from 1. One rule for every reader
 * (CSV, JSON, Markdown, the personal-number scan), so a message about the same character never names two places:
 * `\r\n`, a lone `\r` (old Mac files, some exports) and `\n` each end one line, and a column counts UTF-16 code units
 * from the line's start. Past the text's end the position is on its last line.
 *
 * Two readers count lines their own way, on purpose: the CSV row reader (`eachCsvRow` in `csv.ts`) walks the breaks
 * once for a million rows instead of from the start for each, and the encoding check counts lines in bytes before the
 * text can be decoded (`lineOfByte`); both follow the same rule and are tested against it.
 */

/** Line and column (1-based) of a UTF-16 offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	// Stryker disable next-line ConditionalExpression,EqualityOperator: past the text's end no character ends a line
	for (let i = 0; i < offset && i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}
