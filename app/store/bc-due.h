/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-calendar.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* How many ended periods back a report still owed is looked for. */
#define BC_DUE_PERIODS_BACK 3
/* A unit with no report of a template owes its last ended period's for
 * this many days after the deadline (older ones may have been written
 * before the library). */
#define BC_DUE_NOT_STARTED_DAYS 31
/* Due within a working week: "due soon". */
#define BC_DUE_SOON_WORKING_DAYS 5

/* One report a unit owes, or has sent, for an ended period. */
typedef struct
{
  char   *unit;
  char   *template_id;
  char   *template_name;
  char   *period_from;        /* ISO */
  char   *period_to;
  char   *deadline;           /* ISO */
  gint64  report_id;          /* 0: not started */
  char   *status;             /* "" when not started, else the report's */
  int     working_days_left;  /* to the deadline, 0 on it; negative when late */
  int     days_late;          /* calendar days after the deadline, else 0 */
} BcDueItem;

typedef enum
{
  BC_DUE_NOTHING,   /* sent, or not due within a week */
  BC_DUE_SOON,      /* not sent, due within BC_DUE_SOON_WORKING_DAYS */
  BC_DUE_LATE,      /* not sent, past its deadline */
} BcDueState;

GPtrArray  *bc_due_list               (BcStore          *store,
                                       GPtrArray        *templates,
                                       BcCalendar       *calendar,
                                       const GDate      *today,
                                       GError          **error);
BcDueState  bc_due_item_state         (const BcDueItem  *item);
BcDueState  bc_due_worst              (GPtrArray        *items);
char       *bc_due_item_describe_when (const BcDueItem  *item);
void        bc_due_item_free          (BcDueItem        *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcDueItem, bc_due_item_free)

G_END_DECLS
