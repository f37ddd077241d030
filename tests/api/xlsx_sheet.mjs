// xlsx_sheet.mjs - a worksheet of an .xlsx answer as rows, for the export
// tests: each cell with its value (shared strings and inline strings
// resolved, XML entities decoded, numbers as numbers) and how it is stored
// (a string cell, a number, or a formula), read through zip.mjs.
import { readZip } from './zip.mjs';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e) => {
	if (ENTITIES[e]) return ENTITIES[e];
	return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
});
const texts = (xml) => [...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join('');

/** Column letters to a 0-based index: A → 0, AA → 26. */
function colIndex(letters) {
	let n = 0;
	for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n - 1;
}

/**
 * Sheet n (1-based) of the workbook in buf: {rows, cells} where rows[r][c]
 * is the value of row r + 1, column c ('' for a blank cell) and cells maps
 * "B5" to {value, kind: 's' (string) | 'n' (number) | 'f' (formula)}.
 */
export function sheetOf(buf, n = 1) {
	const zip = readZip(buf);
	const sst = [];
	const ss = zip.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
	for (const si of ss.matchAll(/<si>([\s\S]*?)<\/si>/g)) sst.push(texts(si[1]));
	const xml = zip.get(`xl/worksheets/sheet${n}.xml`).toString('utf8');
	const rows = [];
	const cells = {};
	for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
		const [, col, row, attrs, inner = ''] = c;
		const v = inner.match(/<v>([\s\S]*?)<\/v>/)?.[1];
		let value;
		let kind = 'n';
		if (/<f[\s>]/.test(inner)) kind = 'f';
		if (/t="s"/.test(attrs)) {
			value = sst[Number(v)];
			if (kind !== 'f') kind = 's';
		} else if (/t="inlineStr"/.test(attrs)) {
			value = texts(inner);
			if (kind !== 'f') kind = 's';
		} else if (/t="str"/.test(attrs)) {
			value = decode(v ?? '');
		} else {
			value = v === undefined ? '' : Number(v);
		}
		cells[`${col}${row}`] = { value, kind };
		const r = Number(row) - 1;
		while (rows.length <= r) rows.push([]);
		rows[r][colIndex(col)] = value;
	}
	for (const r of rows) for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = '';
	return { rows, cells, xml };
}

/** The data rows of a plain table sheet (title, subtitle, header, then rows). */
export const dataRows = (sheet) => sheet.rows.slice(3);
