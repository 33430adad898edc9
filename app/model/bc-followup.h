/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-deadline.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* The plan follow-up section (kind "followup"): the tasks of the plan in
 * force that concern the office, each with where it stands. Keys:
 *   sec/<section>/plan               the plan report's uuid
 *   sec/<section>/<item>/ref         the task in the plan: its item key, "sec/common_tasks/t1"
 *   sec/<section>/<item>/content, …/lead, …/deadline   the plan's words, copied
 *   sec/<section>/<item>/status      "not_started", "in_progress", "done", "not_done"
 *   sec/<section>/<item>/date        ISO: when it was done (or found not done)
 *   sec/<section>/<item>/note        a short note; for a task not done, why */

typedef enum
{
  BC_TASK_NOT_STARTED,
  BC_TASK_IN_PROGRESS,
  BC_TASK_DONE,
  BC_TASK_NOT_DONE,
} BcTaskStatus;

#define BC_TASK_N_STATUSES (BC_TASK_NOT_DONE + 1)

typedef struct
{
  char         *item;       /* the follow-up's item id */
  char         *ref;        /* the plan's item key */
  char         *content;
  char         *lead;
  char         *deadline_text;
  BcDeadline    deadline;
  BcTaskStatus  status;
  char         *date;       /* ISO, or "" */
  char         *note;
} BcFollowupTask;

const char  *bc_task_status_to_string   (BcTaskStatus      status);
gboolean     bc_task_status_from_string (const char       *text,
                                         BcTaskStatus     *status);
const char  *bc_task_status_label       (BcTaskStatus      status);
const char  *bc_task_status_printed     (BcTaskStatus      status);

/* A task a report said was done: where "done stays done" looks back to. */
typedef struct
{
  gint64        report_id;
  char         *period_from;
  char         *period_to;
  char         *date;       /* ISO, or "" */
} BcTaskDone;

void         bc_followup_task_free      (BcFollowupTask   *task);
void         bc_task_done_free          (BcTaskDone       *done);
GHashTable  *bc_followup_done_in        (BcReport         *report);
char        *bc_task_done_describe      (const BcTaskDone *done);
GPtrArray   *bc_followup_tasks          (BcReport         *report,
                                         const BcSection  *section);
const BcSection *bc_followup_find_section (BcTemplate     *template);
const char  *bc_followup_plan           (BcReport         *report);
void         bc_followup_due_by         (BcReport         *report,
                                         GDate            *date);
gboolean     bc_followup_task_is_late   (const BcFollowupTask *task,
                                         const GDate      *due_by);
gboolean     bc_followup_concerns       (const char       *unit,
                                         const char       *plan_unit,
                                         const char       *lead,
                                         const char       *cooperating);
gboolean     bc_followup_validate_field (const char       *field,
                                         const char       *key,
                                         const char       *value,
                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcFollowupTask, bc_followup_task_free)

G_END_DECLS
