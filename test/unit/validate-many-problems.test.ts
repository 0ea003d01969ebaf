import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/validate/dataset.ts';
import { fixture } from '../helpers/files.ts';

const EVIDENCE_HEADER = '记录编号,单位编号,指标编号,类型,日期,数量,得分,事项,来源,理由';

describe('a file with a very great many problems', () => {
	it('reports every one of them, more than a function call takes arguments', () => {
		const rows = Array.from(
			{ length: 200_000 },
			(_, i) => `e${i},t1,1.1,完成,2022/01/15,,,双公示按时全量报送,信用办,`,
		);
		const d = validateDataset(
			fixture({ 'evidence/2022-Q1.csv': [EVIDENCE_HEADER, ...rows].join('\n') }),
			'data/',
		);
		const dateFormat = d.issues.filter((i) => i.code === 'date-format');
		expect(dateFormat.length).toBe(200_000);
		expect(dateFormat[199_999]).toMatchObject({
			file: 'data/evidence/2022-Q1.csv',
			line: 200_001,
			column: 5,
		});
		expect(d.files.find((f) => f.file === 'data/evidence/2022-Q1.csv')).toMatchObject({
			rowsIn: 200_000,
			rowsValid: 0,
		});
		// About 3 s alone on an idle machine; sized for two cores shared at a load of 8.
	}, 60_000);
});
