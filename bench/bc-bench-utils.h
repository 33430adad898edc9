/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-store.h"
#include "bc-template.h"

G_BEGIN_DECLS

/* What the benchmarks share: their templates, fresh libraries, medians,
 * and the reports they fill with generated counts. Failures end the
 * program: a benchmark has nothing to recover. */

BcTemplate *bc_bench_load_template (const char *id);
BcStore    *bc_bench_open_store    (const char *dir,
                                    const char *name);
double      bc_bench_median        (double     *values,
                                    guint       n);

/* The counts of a report a benchmark fills: a key figure, its
 * denominator, a row's total and online counts. */
typedef enum
{
  BC_BENCH_FIGURE,
  BC_BENCH_DENOMINATOR,
  BC_BENCH_TOTAL,
  BC_BENCH_ONLINE,
} BcBenchCount;

/* The value of a count, @index the figure's place in its section or the
 * row's in its table; %NULL leaves it empty. */
typedef char *(*BcBenchCountFunc) (BcBenchCount count,
                                   guint        index,
                                   gpointer     data);

/* Edits made up to be applied together, keys and values owned. */
typedef struct
{
  GPtrArray *keys;
  GPtrArray *values;
} BcBenchEdits;

void        bc_bench_edits_init    (BcBenchEdits     *edits);
void        bc_bench_edits_add     (BcBenchEdits     *edits,
                                    char             *key,
                                    char             *value);
void        bc_bench_edits_add_counts (BcBenchEdits     *edits,
                                       BcTemplate       *template,
                                       BcBenchCountFunc  value,
                                       gpointer          data);
void        bc_bench_edits_apply   (BcBenchEdits     *edits,
                                    BcStore          *store,
                                    BcReport         *report);
void        bc_bench_fill          (BcStore          *store,
                                    BcReport         *report,
                                    BcBenchCountFunc  value,
                                    gpointer          data);
char       *bc_bench_count         (BcBenchCount      count,
                                    guint             index,
                                    gpointer          seed);

G_END_DECLS
