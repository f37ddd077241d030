// The clock of the servers under test, shared by the API and browser suites.
//
// XF_CLOCK (an ISO time such as 2026-12-31T23:30:00+08:00) moves the clock of
// every process the tests start (servers, CLI commands) to that moment, through
// Debian's libfaketime with a fixed offset; it then runs on from there. The
// tests build every date from serverNow(), the server's clock, so they run the
// same on any day and with the clock at a year or quarter edge. Importing this
// module sets the environment that child processes inherit.
import fs from 'node:fs';
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/** Seconds the server's clock is ahead of this machine's (0 without XF_CLOCK). */
export const CLOCK_OFFSET_S = (() => {
	const spec = process.env.XF_CLOCK;
	if (!spec) return 0;
	const at = Date.parse(spec);
	if (Number.isNaN(at)) throw new Error(`XF_CLOCK=${spec} is not an ISO time`);
	if (!fs.existsSync(FAKETIME_LIB)) throw new Error(`XF_CLOCK needs ${FAKETIME_LIB} (Debian package faketime)`);
	const offset = Math.round((at - Date.now()) / 1000);
	// every child inherits the shifted clock; the monotonic clock (timeouts)
	// is left alone, and ASan accepts a preloaded library before its own
	process.env.LD_PRELOAD = [FAKETIME_LIB, process.env.LD_PRELOAD].filter(Boolean).join(':');
	process.env.FAKETIME = `${offset >= 0 ? '+' : ''}${offset}`;
	process.env.FAKETIME_DONT_FAKE_MONOTONIC = '1';
	process.env.FAKETIME_NO_CACHE = '1';
	process.env.ASAN_OPTIONS = [process.env.ASAN_OPTIONS, 'verify_asan_link_order=0'].filter(Boolean).join(':');
	return offset;
})();

/** The server's clock now, in milliseconds since the epoch. */
export function serverNow() {
	return Date.now() + CLOCK_OFFSET_S * 1000;
}

/** The server's today in Asia/Shanghai as YYYY-MM-DD. */
export function todayShanghai() {
	return new Date(serverNow() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The server's today plus n days (n may be negative), as YYYY-MM-DD. */
export function dayFromToday(n) {
	const d = new Date(`${todayShanghai()}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** ymd (YYYY-MM-DD) moved by k months; a missing day becomes the month's
 * last (08-31 - 6 = 02-28). */
export function addMonths(ymd, k) {
	const pad = (n) => String(n).padStart(2, '0');
	const [y0, m0, d] = ymd.split('-').map(Number);
	const t = y0 * 12 + (m0 - 1) + k;
	const y = Math.floor(t / 12), m = (t % 12) + 1;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return `${y}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/** The days from b to a (both YYYY-MM-DD; negative when a is before b). */
export const daysFrom = (a, b) => Math.round((Date.parse(a) - Date.parse(b)) / 86400000);

/** The server's current year, as a number. */
export function thisYear() {
	return Number(todayShanghai().slice(0, 4));
}

/** The environment without the moved clock: for programs that are not the
 * server's (a browser gets its clock from Playwright instead). */
export function envWithoutClock() {
	const env = { ...process.env };
	for (const k of ['FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'FAKETIME_NO_CACHE']) delete env[k];
	if (env.LD_PRELOAD) {
		env.LD_PRELOAD = env.LD_PRELOAD.split(':').filter((l) => l !== FAKETIME_LIB).join(':');
		if (!env.LD_PRELOAD) delete env.LD_PRELOAD;
	}
	return env;
}
