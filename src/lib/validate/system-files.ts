/** Files in a data folder that nobody put there as data. */

/**
 * What a file the system or the spreadsheet program made by itself is, or undefined for any other file: Windows'
 * thumbnail cache and folder settings, and the lock file Excel or WPS keeps beside a workbook while it is open
 * (`~$名称.xlsx`). Nobody meant them as data: they are named in a warning, never a build stopped for a file the clerk
 * never saw. (Hidden files, such as macOS's `.DS_Store`, are not listed at all.)
 */
export function systemFile(name: string): string | undefined {
	if (name.startsWith('~$'))
		return `Excel 或 WPS 打开 ${name.slice(2)} 时自动生成的临时文件（关闭那个文件后会自动删除），网站不读取；不必提交到数据目录`;
	if (/^(thumbs\.db|ehthumbs\.db|desktop\.ini)$/i.test(name))
		return 'Windows 自动生成的系统文件，网站不读取；可以删除，不必提交到数据目录';
	return undefined;
}
