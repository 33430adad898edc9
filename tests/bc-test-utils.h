/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-store.h"
#include "bc-template.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed by bc_test_rmdir(). */
char       *bc_test_mkdtemp        (void);
void        bc_test_rmdir          (const char *path);
BcTemplate *bc_test_load_template  (const char *id);
BcStore    *bc_test_open_store     (const char *dir,
                                    const char *name);
/* A test's time budget in µs, scaled by $BC_TEST_TIME_SCALE, which the
 * sanitizer run sets (meson test --setup=asan): ASan makes us 2–3× slower. */
gint64      bc_test_time_budget    (gint64      usec);
/* The bound a hostile input's refusal must stay under: it catches a hang
 * or quadratic work coming back (the slow cases of the past took 17–60 s),
 * not a slow machine. How fast refusals are is measured, against a
 * reference, by bench/run-hostile.py. */
#define BC_TEST_HANG_GUARD (bc_test_time_budget (10 * G_USEC_PER_SEC))

/* From the first call on, every SQLite file opened in this process goes
 * through a layer that can make writes fail as a full disk would:
 * bc_test_fail_writes (SQLITE_FULL) until bc_test_fail_writes (SQLITE_OK).
 * Returns: the number of writes refused so far. */
guint       bc_test_fail_writes    (int         code);

/* Makes @dir a folder this process cannot write to: chmod 0555, and for
 * root (who writes anywhere) bc_test_drop_root() in the process that
 * must be refused. Async-signal-safe, for a g_spawn child setup. */
void        bc_test_make_read_only (const char *dir);
void        bc_test_drop_root      (gpointer    unused);

BcTemplate *bc_test_longer_template (const char  *dir,
                                     const char  *regime,
                                     char       **path);
void        bc_test_set_values     (BcStore            *store,
                                    BcReport           *report,
                                    const char * const *kv);
void        bc_test_fill_month     (BcStore     *store,
                                    BcReport    *month,
                                    guint        i);
void        bc_test_make_months    (BcStore     *store,
                                    BcTemplate  *monthly,
                                    const char  *unit,
                                    const char  *start,
                                    guint        n,
                                    GPtrArray   *months);
void        bc_test_make_months_with (BcStore     *store,
                                      BcTemplate  *monthly,
                                      const char  *unit,
                                      const char  *start,
                                      guint        n,
                                      guint        cutoff,
                                      GPtrArray   *months);

int         bc_test_run_cli_valist (const char  *library,
                                    char       **out,
                                    char       **err,
                                    va_list      args);

/* Whether BC_UPDATE_GOLDEN asks that golden files be written rather than
 * compared. Refused (the test fails) when CI is set: there the golden
 * files are compared, never rewritten to match. */
gboolean    bc_test_update_golden  (void);

G_END_DECLS
