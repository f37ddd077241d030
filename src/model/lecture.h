/*
 * lecture.h - a lecture of the lecture library (党课库): title, speaker,
 * the organization it was given in, the day and kind (思政课, 微党课,
 * Talk秀, …), with its one JSON form. Slides and videos hang on it as
 * attachments (subject "lecture"). No view counts, by design.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct; optional ones are NULL.
 */
#ifndef XF_MODEL_LECTURE_H
#define XF_MODEL_LECTURE_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_lecture {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *title, *speaker;
	const char *given_on; /* YYYY-MM-DD */
	const char *kind;     /* xf_lecture_kinds */
	const char *summary;  /* or NULL */
	int64_t attachment_count;
	int64_t created_by, created_at, updated_at;
} xf_lecture;

/* The JSON form of a lecture (an object). */
void xf_lecture_json(xf_jw *w, const xf_lecture *l);

#endif
