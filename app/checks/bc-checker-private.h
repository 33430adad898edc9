/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-checker.h"
#include "bc-narrative.h"
#include "bc-report.h"
#include "bc-template.h"

G_BEGIN_DECLS

/* One run of the checks over one report, shared by bc-checker*.c. */
typedef struct
{
  BcReport         *report;
  BcReport         *previous;     /* nullable */
  BcRollup         *months;       /* nullable: what the months inside the period give now */
  GHashTable       *rolled;       /* nullable: key -> BcRollupEntry taken when it was built */
  GHashTable       *done_before;  /* nullable: plan item key -> BcTaskDone, the tasks the
                                   * unit's earlier reports said were done */
  GPtrArray        *plan_changes; /* nullable: BcPlanUpdate, what the plan followed changed since */
  BcTemplate       *template;
  BcNarrativeDates  dates;
  GArray           *figures;      /* BcNarrativeFigure: figures with a denominator */
  GPtrArray        *findings;     /* BcFinding */
  GHashTable       *ids;          /* finding id -> how many so far */
  GHashTable       *citations;    /* document number -> GDate it was first cited with */
  GHashTable       *applies;      /* BcTableDef -> gboolean[] by row: counts in the table */
  GHashTable       *breakdowns;   /* "545+941=1478" of a breakdown the text gets wrong -> its BcFinding */
  GHashTable       *failed_rows;  /* BcRow -> GArray of guint64: the columns each failing row
                                   * check compared, as bc_check_column_bit() */
} BcCheck;

BcFinding *bc_check_add          (BcCheck     *check,
                                  BcSeverity   severity,
                                  const char  *rule,
                                  const char  *location,
                                  const char  *tag,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (6, 7);
gboolean   bc_check_get_count    (BcCheck     *check,
                                  BcReport    *report,
                                  const char  *key,
                                  gint64      *value);
char      *bc_check_format_date  (const GDate *date);
void       bc_check_sort         (BcCheck     *check);
gboolean   bc_check_row_counts   (BcCheck          *check,
                                  const BcTableDef *table,
                                  guint             index);
guint64    bc_check_column_bit   (const BcTableDef *table,
                                  const char       *column);
void       bc_check_row_failed   (BcCheck          *check,
                                  const BcRow      *row,
                                  guint64           columns);
gboolean   bc_check_row_explains (BcCheck          *check,
                                  const BcRow      *row,
                                  guint64           columns);
char      *bc_check_parts_key    (GArray           *parts,
                                  gint64            total);

BcFinding *bc_check_cite         (BcCheck     *check,
                                  const char  *number,
                                  const GDate *date,
                                  const char  *location);
void       bc_check_text         (BcCheck     *check);
void       bc_check_tables       (BcCheck     *check);
void       bc_check_months       (BcCheck     *check);
void       bc_check_rules        (BcCheck     *check);
void       bc_check_trend        (BcCheck     *check);
void       bc_check_plan         (BcCheck     *check);

G_END_DECLS
