/*
 * fields.c - the walk over a field table of model/fields.h.
 */
#include "model/fields.h"

#include "base/date.h"

/* The value of type T at offset off of obj. */
#define AT(T, obj, off)                                                        \
	(*(T const *)(const void *)((const char *)(obj) + (off)))

void xf_jw_fields(xf_jw *w, const void *obj, const xf_jfield *fields, size_t n,
                  const char *const *args)
{
	char at[32];
	for (size_t i = 0; i < n; i++) {
		const xf_jfield *f = &fields[i];
		switch (f->type) {
		case XF_JF_I64:
			xf_jw_kint(w, f->key, AT(int64_t, obj, f->off));
			break;
		case XF_JF_INT:
			xf_jw_kint(w, f->key, AT(int, obj, f->off));
			break;
		case XF_JF_ID:
			xf_jw_kid(w, f->key, AT(int64_t, obj, f->off));
			break;
		case XF_JF_STR:
			xf_jw_kstr(w, f->key, AT(const char *, obj, f->off));
			break;
		case XF_JF_BOOL:
			xf_jw_kbool(w, f->key, AT(int, obj, f->off));
			break;
		case XF_JF_TIME:
			xf_time_iso(AT(int64_t, obj, f->off), at);
			xf_jw_kstr(w, f->key, at);
			break;
		case XF_JF_WHEN:
			xf_jw_ktime(w, f->key, AT(int64_t, obj, f->off));
			break;
		case XF_JF_X100:
			xf_jw_key(w, f->key);
			xf_jw_x100(w, AT(int64_t, obj, f->off));
			break;
		case XF_JF_ARG:
			xf_jw_kstr(w, f->key, args[f->off]);
			break;
		}
	}
}

void xf_jw_records(xf_jw *w, const char *key, const void *items, size_t n,
                   size_t size, const xf_jfield *fields, size_t nf)
{
	xf_jw_key(w, key);
	xf_jw_arr(w);
	for (size_t i = 0; i < n; i++) {
		xf_jw_obj(w);
		xf_jw_fields(w, (const char *)items + i * size, fields, nf,
		             NULL);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
}
