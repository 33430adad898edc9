/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-deadline.h"
#include "bc-followup.h"
#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* One report's word on a plan's task. */
typedef struct
{
  gint64        report_id;
  char         *unit;
  char         *period_from;
  char         *period_to;
  BcTaskStatus  status;
  char         *date;       /* ISO or "" */
  char         *note;
  char         *actor;      /* who set the status in this report, or "" */
  /* Where the status was first set: this report, or for a status carried
   * over unchanged from the last period, the earlier report that set it. */
  gboolean      carried;
  gint64        set_report_id;
  char         *set_unit;
  char         *set_period_from;
  char         *set_period_to;
  char         *set_by;     /* who set it there, or "" (a report imported without its changes) */
  char         *set_at;     /* ISO date and time it was set, or "" */
} BcPlanEntry;

/* A task of a plan, where it stands across the reports that follow it. */
typedef struct
{
  char         *ref;        /* its item key in the plan */
  char         *number;     /* "1. (3)": the plan's section number and the task's place in it */
  char         *content;
  char         *lead;
  char         *cooperating;
  char         *deadline_text;
  BcDeadline    deadline;
  BcTaskStatus  status;     /* done once a report said so; else the latest report's */
  char         *date;
  char         *note;
  gboolean      overdue;    /* due before the day asked about and not done */
  GPtrArray    *history;    /* BcPlanEntry, by period */
} BcPlanTask;

/* What an update from the plan changes in a report's follow-up. */
typedef enum
{
  BC_PLAN_TASK_ADDED,
  BC_PLAN_TASK_CHANGED,
  BC_PLAN_TASK_REMOVED,
} BcPlanUpdateKind;

typedef struct
{
  BcPlanUpdateKind  kind;
  char             *ref;
  char             *content;   /* the task's words: the plan's, or for a task dropped the report's */
  char             *field;     /* changed: "content", "lead" or "deadline"; else NULL */
  char             *before;
  char             *after;
} BcPlanUpdate;

typedef struct
{
  GPtrArray  *changes;     /* BcPlanUpdate: tasks new, then changed, in the plan's order; then dropped */
  GPtrArray  *keys;        /* the edits that make it: keys, */
  GPtrArray  *values;      /* and values ("": removed) */
  char       *plan_uuid;   /* the plan in force, "" none */
  gboolean    replaced;    /* the plan in force is not the one followed */
  BcEdit     *edits;       /* private */
} BcFollowupUpdate;

void          bc_plan_task_free            (BcPlanTask   *task);
void          bc_followup_update_free      (BcFollowupUpdate *self);
BcFollowupUpdate *bc_store_followup_compare (BcStore     *self,
                                            BcReport     *report,
                                            GError      **error);
BcFollowupUpdate *bc_store_followup_compare_followed (BcStore  *self,
                                                      BcReport *report);
const BcEdit *bc_followup_update_get_edits (BcFollowupUpdate *self,
                                            guint        *n_edits);
char         *bc_followup_update_describe  (const BcPlanUpdate *update);
gboolean      bc_store_followup_update     (BcStore      *self,
                                            BcReport     *report,
                                            guint        *n_changes,
                                            GError      **error);
char         *bc_plan_entry_describe_origin (const BcPlanEntry *entry);
char         *bc_plan_entry_origin_printed  (const BcPlanEntry *entry);
BcReport     *bc_store_find_plan           (BcStore      *self,
                                            const char   *unit,
                                            const char   *period_to,
                                            GError      **error);
gboolean      bc_store_followup_fill       (BcStore      *self,
                                            BcTemplate   *template,
                                            GHashTable   *values,
                                            GError      **error);
GHashTable   *bc_store_followup_done_before (BcStore    *self,
                                            BcReport     *report,
                                            GError      **error);
GPtrArray    *bc_store_plan_status         (BcStore      *self,
                                            BcReport     *plan,
                                            const GDate  *today,
                                            GError      **error);

void          bc_store_plan_status_async   (const char          *path,
                                            gint64               plan_id,
                                            const GDate         *today,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray    *bc_store_plan_status_finish  (GAsyncResult *result,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcPlanTask, bc_plan_task_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcFollowupUpdate, bc_followup_update_free)

G_END_DECLS
