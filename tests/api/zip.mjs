// Small ZIP helpers for the tests: makeZip() writes an archive of stored
// entries (to build .docx files), readZip() reads one (stored or deflated,
// through node's zlib) into a Map of name -> Buffer (to open .xlsx files).
import zlib from 'node:zlib';

/** An archive of stored entries: [{name, data: Buffer|string}]. */
export function makeZip(entries) {
	const locals = [];
	const centrals = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
		const crc = zlib.crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, data);
		centrals.push(central, name);
		offset += 30 + name.length + data.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

/** The entries of an archive as a Map name -> Buffer. */
export function readZip(buf) {
	let e = buf.length - 22;
	while (e >= 0 && buf.readUInt32LE(e) !== 0x06054b50) e--;
	if (e < 0) throw new Error('not a zip archive: no end of central directory');
	const count = buf.readUInt16LE(e + 10);
	let p = buf.readUInt32LE(e + 16);
	const out = new Map();
	for (let i = 0; i < count; i++) {
		if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
		const method = buf.readUInt16LE(p + 10);
		const csize = buf.readUInt32LE(p + 20);
		const nlen = buf.readUInt16LE(p + 28);
		const xlen = buf.readUInt16LE(p + 30);
		const clen = buf.readUInt16LE(p + 32);
		const loff = buf.readUInt32LE(p + 42);
		const name = buf.subarray(p + 46, p + 46 + nlen).toString('utf8');
		const lnlen = buf.readUInt16LE(loff + 26);
		const lxlen = buf.readUInt16LE(loff + 28);
		const start = loff + 30 + lnlen + lxlen;
		const raw = buf.subarray(start, start + csize);
		out.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
		p += 46 + nlen + xlen + clen;
	}
	return out;
}

/** A minimal .docx (a WordprocessingML package). */
export function makeDocx(text = '会议纪要') {
	return makeZip([
		{ name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
		{ name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
		{ name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>` },
	]);
}

/** Cell values of a worksheet by reference ("B5"), shared strings resolved. */
export function xlsxCells(zip, sheet = 'xl/worksheets/sheet1.xml') {
	const sst = [];
	const ss = zip.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
	for (const si of ss.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
		sst.push([...si[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
	}
	const xml = zip.get(sheet).toString('utf8');
	const out = {};
	for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
		const [, ref, attrs, inner = ''] = c;
		const v = inner.match(/<v>([\s\S]*?)<\/v>/)?.[1];
		const is = inner.match(/<t[^>]*>([\s\S]*?)<\/t>/)?.[1];
		if (/t="s"/.test(attrs)) out[ref] = sst[Number(v)];
		else if (is !== undefined) out[ref] = is;
		else if (v !== undefined) out[ref] = Number(v);
		else out[ref] = ''; // a blank cell with its borders
	}
	return { xml, out };
}
