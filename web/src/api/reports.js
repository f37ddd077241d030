// Generated reports: the year's report (年度党建工作报告) as a download.
import { urlWith } from './http'

/** GET /api/reports/annual?org=&year=&format=pdf|docx, as a link (cookie session). */
export const annualReportUrl = (org, year, format) => urlWith('/api/reports/annual', { org, year, format })
