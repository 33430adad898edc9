/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* A report built from the reports of the months inside its period (an
 * annual report from the year's monthly reports): which value came from
 * which months, by which rule. */

#define BC_ROLLUP_ERROR (bc_rollup_error_quark ())

typedef enum
{
  BC_ROLLUP_ERROR_NO_MONTHS,   /* no monthly report of the unit inside the period */
  BC_ROLLUP_ERROR_REGIME,      /* the target's period is a month: nothing to roll up */
  BC_ROLLUP_ERROR_NO_UNITS,    /* consolidation: no unit has a report for the period */
} BcRollupError;

typedef enum
{
  BC_ROLLUP_SUM,     /* per-period counts: the sum of the months */
  BC_ROLLUP_LAST,    /* cumulative counts, a row's choices: the last month's */
  BC_ROLLUP_LIST,    /* documents issued: each one once */
  BC_ROLLUP_DRAFT,   /* narrative: the latest month's, as a starting draft */
} BcRollupRule;

typedef struct
{
  char    *from;        /* ISO first and last day of the month */
  char    *to;
  gint64   report_id;   /* 0: the library has no report for it */
  char    *status;      /* the report's review status, or NULL */
} BcRollupMonth;

typedef struct
{
  char          *key;       /* a value key; "sec/<id>" for LIST and DRAFT */
  BcRollupRule   rule;
  char          *value;     /* what was taken; LIST: one "number|date" a line; DRAFT: "" */
  char          *sources;   /* the ids of the reports it came from, comma-separated, oldest first */
  char          *through;   /* ISO last day of the latest of them */
  gboolean       too_large; /* SUM only: past the column's largest count, not written */
} BcRollupEntry;

/* One unit's value in a consolidated value (bc-consolidate.c). */
typedef struct
{
  char    *unit;
  gint64   report_id;
  char    *value;
} BcRollupPart;

typedef struct _BcRollup
{
  GPtrArray  *months;    /* BcRollupMonth: every month of the period, in order */
  GPtrArray  *entries;   /* BcRollupEntry, in the template's order */
  GHashTable *index;     /* key -> BcRollupEntry, borrowed */
  GHashTable *values;    /* the report values it gives: key -> value */
  /* A report consolidated from its units' reports of the same period
   * (bc_consolidate_compute()) rather than from its months: */
  gboolean    over_units;
  GPtrArray  *units;     /* BcRollupMonth: one per unit expected, from/to its report's period,
                          * report_id 0 when missing; status the report's; NULL otherwise */
  GPtrArray  *unit_names; /* char *, parallel to units */
  GHashTable *parts;     /* key -> GPtrArray of BcRollupPart, the units that gave a value */
  GHashTable *overrides; /* key -> reason: the values the clerk typed over (the store fills it) */
  struct _BcRollup *before; /* the same units a period earlier, for the checks across periods
                             * (the store fills it); NULL: no unit reported then */
} BcRollup;

GQuark          bc_rollup_error_quark     (void);
gboolean        bc_rollup_is_source       (BcTemplate     *target,
                                           const char     *from,
                                           const char     *to,
                                           BcReport       *source);
BcRollup       *bc_rollup_compute         (BcTemplate     *target,
                                           const char     *from,
                                           const char     *to,
                                           GPtrArray      *sources,
                                           GError        **error);
void            bc_rollup_free            (BcRollup       *rollup);
BcRollup       *bc_rollup_new             (void);
void            bc_rollup_month_free      (BcRollupMonth  *month);
void            bc_rollup_add_entry       (BcRollup       *rollup,
                                           BcRollupEntry  *entry);
BcRollupPart   *bc_rollup_part_new        (const char     *unit,
                                           gint64          report_id,
                                           const char     *value);
void            bc_rollup_part_free       (BcRollupPart   *part);
BcRollupEntry  *bc_rollup_entry_new       (const char     *key,
                                           BcRollupRule    rule,
                                           const char     *value,
                                           const char     *sources,
                                           const char     *through);
void            bc_rollup_entry_free      (BcRollupEntry  *entry);
const char     *bc_rollup_rule_to_string  (BcRollupRule    rule);
gboolean        bc_rollup_rule_from_string (const char    *text,
                                            BcRollupRule  *rule);
guint           bc_rollup_count_present   (BcRollup       *rollup);
char           *bc_rollup_month_label     (const BcRollupMonth *month);
gboolean        bc_rollup_month_is_over   (const BcRollupMonth *month,
                                           const char          *date);
char           *bc_rollup_dup_months      (BcRollup       *rollup,
                                           const char     *sources);
char           *bc_rollup_dup_origin      (BcRollup       *rollup,
                                           const BcRollupEntry *entry);
gboolean        bc_rollup_entry_differs   (const BcRollupEntry *stored,
                                           const BcRollupEntry *fresh);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcRollup, bc_rollup_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcRollupEntry, bc_rollup_entry_free)

G_END_DECLS
