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

G_END_DECLS
