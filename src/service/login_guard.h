/*
 * login_guard.h - what keeps logins from being a cheap way to stop the
 * server: a per-address budget of login attempts, and a bounded pool in
 * which every argon2id hash runs.
 *
 * Both are in this process's memory (a second server keeps its own).
 * Thread-safe; nothing here allocates after xf_login_guard_init.
 */
#ifndef XF_SERVICE_LOGIN_GUARD_H
#define XF_SERVICE_LOGIN_GUARD_H

#include <stdint.h>

/* budget: attempts per address per window seconds; workers: hashes that
 * run at once; waiters: hashes that may wait for a worker (past them a
 * hash is refused at once). */
void xf_login_guard_init(int budget, int window, int workers, int waiters);

/* The budget counts the failed logins of an address in a fixed window:
 * a login is refused before any work once `budget` failures were counted
 * (so an office behind one NAT address logs in freely, while guessing
 * from one address stops after `budget` wrong tries).
 * check: 1 if addr may try at now; 0 if not, with *retry_after the
 * seconds until its window ends. charge: counts one failure of addr. */
int xf_login_budget_check(const char *addr, int64_t now, int *retry_after);
void xf_login_budget_charge(const char *addr, int64_t now);
/* Forgets every address (tests of the command line). */
void xf_login_budget_clear(void);

/* Takes a place in the hashing pool, waiting for one while fewer than
 * `waiters` others wait. 1 with a place (give it back with
 * xf_hash_pool_leave), 0 if the pool and its queue are full. */
int xf_hash_pool_enter(void);
void xf_hash_pool_leave(void);

#endif
