/*
 * reqlog.h - the request log's writer: request threads append their
 * finished lines to a bounded buffer and a background thread writes them
 * to the log's file descriptor in batches (one write(2) for many lines),
 * so that no request waits on the log's file. Lines keep the order in
 * which they were appended. When the buffer is full, an appender waits
 * for the writer (no line is ever dropped); stopping writes every line
 * appended before it. Without a started writer, a line is written at
 * once by the thread that appends it.
 *
 * One log per process; all functions are thread-safe.
 */
#ifndef XF_HTTP_REQLOG_H
#define XF_HTTP_REQLOG_H

#include <stddef.h>

/* Starts the writer thread for fd (not taken: the caller keeps and
 * closes it), with a buffer of cap bytes (and as many being written).
 * 0, or -1 when the thread cannot be started (lines are then written at
 * once). */
int xf_reqlog_start(int fd, size_t cap);

/* Appends len bytes (one or more whole lines; copied). */
void xf_reqlog_append(const char *line, size_t len);

/* Writes every line appended so far and ends the writer thread; later
 * lines are written at once. Safe to call when none was started. */
void xf_reqlog_stop(void);

#endif
