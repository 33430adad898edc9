/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

/* A plan follow-up section in the DOCX: each task with where it stands
 * (a monthly report), or the plan's outcome, counts by status and the
 * tasks not done with their reasons (an annual report). Both are read
 * from the follow-up's statuses, never retyped. */

#include "config.h"

#include <string.h>

#include "bc-docx-private.h"
#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"

static const BcDocxPara body = { .style = BC_DOCX_STYLE_BODY };

static char *
without_stop (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));
  gsize n = strlen (copy);

  while (n > 0 && (copy[n - 1] == '.' || copy[n - 1] == ';'))
    copy[--n] = '\0';
  return copy;
}

/* "Đã hoàn thành (ngày 18/01/2024)", "Đang thực hiện" */
static char *
status_words (const BcFollowupTask *task)
{
  g_autofree char *date = bc_date_to_display (task->date);

  if (*task->date == '\0')
    return g_strdup (bc_task_status_printed (task->status));
  return g_strdup_printf ("%s (ngày %s)", bc_task_status_printed (task->status), date);
}

static void
write_anchored (BcDocx     *d,
                const char *key,
                const char *line)
{
  bc_docx_anchor (d, key);
  bc_docx_write_line (d, &body, line);
  bc_docx_anchor_end (d);
}

/* The monthly follow-up as a table of the body (Decree 30: 12 pt in a
 * table, a bold centred heading row repeated on every page): STT, the
 * task, its lead agency, its deadline as the plan writes it, where it
 * stands (with its date), the note. */
static const struct
{
  const char *heading;
  int         width;
} columns[] = {
  { "STT", 700 },
  { "Nhiệm vụ", 3150 },
  { "Cơ quan chủ trì", 1750 },
  { "Thời hạn", 1300 },
  { "Tình trạng", 1254 },
  { "Ghi chú", 1200 },
};

static const BcDocxPara cell_left = { .style = BC_DOCX_STYLE_CELL, .align = "left" };
static const BcDocxPara cell_centre = { .style = BC_DOCX_STYLE_CELL, .align = "center" };

static void
task_cell (BcDocx           *d,
           guint             column,
           const char       *key,
           const BcDocxPara *para,
           const BcDocxRun  *run,
           const char       *text)
{
  bc_docx_cell_start (d, columns[column].width, 1, NULL);
  if (key != NULL)
    bc_docx_anchor (d, key);
  /* A plain cell's words are the plan's, with their emphasis. */
  if (run == NULL)
    bc_docx_write_line (d, para, text);
  else
    bc_docx_para (d, para, run, text);
  if (key != NULL)
    bc_docx_anchor_end (d);
  bc_docx_cell_end (d);
}

static void
write_task_row (BcDocx               *d,
                const BcSection      *section,
                const BcFollowupTask *task,
                guint                 n)
{
  g_autofree char *item_key = bc_key_item (section->id, task->item);
  g_autofree char *status_key = bc_key_item_field (section->id, task->item, "status");
  g_autofree char *note_key = bc_key_item_field (section->id, task->item, "note");
  g_autofree char *number = g_strdup_printf ("%u", n);
  g_autofree char *lead = without_stop (task->lead);
  g_autofree char *deadline = without_stop (task->deadline_text);
  g_autofree char *note = without_stop (task->note);
  g_autofree char *status = status_words (task);

  bc_docx_row_start (d, FALSE);
  task_cell (d, 0, NULL, &cell_centre, NULL, number);
  task_cell (d, 1, item_key, &cell_left, NULL, task->content);
  task_cell (d, 2, NULL, &cell_left, NULL, lead);
  task_cell (d, 3, NULL, &cell_left, NULL, deadline);
  task_cell (d, 4, status_key, &cell_left, NULL, status);
  task_cell (d, 5, note_key, &cell_left, NULL, note);
  bc_docx_row_end (d);
}

static void
write_tasks_table (BcDocx          *d,
                   const BcSection *section,
                   GPtrArray       *tasks)
{
  static const BcDocxRun strong = { .bold = TRUE };
  static const BcDocxPara after = { .style = BC_DOCX_STYLE_PLAIN, .spacing = TRUE, .after = 120 };
  int widths[G_N_ELEMENTS (columns)];

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    widths[c] = columns[c].width;
  bc_docx_table_start (d, widths, G_N_ELEMENTS (columns), TRUE);
  bc_docx_row_start (d, TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    task_cell (d, c, NULL, &cell_centre, &strong, columns[c].heading);
  bc_docx_row_end (d);
  for (guint i = 0; i < tasks->len; i++)
    write_task_row (d, section, tasks->pdata[i], i + 1);
  bc_docx_table_end (d);
  bc_docx_para (d, &after, NULL, NULL);
}

/* "Kế hoạch giao 12 nhiệm vụ: đã hoàn thành 8; đang thực hiện 2; …" */
static void
write_counts (BcDocx          *d,
              const BcSection *section,
              GPtrArray       *tasks)
{
  guint counts[BC_TASK_N_STATUSES] = { 0 };
  static const BcTaskStatus order[] = { BC_TASK_DONE, BC_TASK_IN_PROGRESS, BC_TASK_NOT_STARTED, BC_TASK_NOT_DONE };
  g_autofree char *key = bc_key_section (section->id);
  g_autofree char *total = bc_format_int (tasks->len);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    counts[((BcFollowupTask *) tasks->pdata[i])->status]++;
  g_string_printf (line, "Kế hoạch năm giao %s nhiệm vụ: ", total);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *count = bc_format_int (counts[order[i]]);
      g_autofree char *label = g_utf8_strdown (bc_task_status_printed (order[i]), -1);

      g_string_append_printf (line, "%s%s %s", i ? "; " : "", label, count);
    }
  g_string_append_c (line, '.');
  write_anchored (d, key, line->str);
}

/* Every task not done by the year's end, with where it stands and why. */
static void
write_not_done (BcDocx          *d,
                const BcSection *section,
                GPtrArray       *tasks)
{
  gboolean any = FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      const BcFollowupTask *task = tasks->pdata[i];
      g_autofree char *key = NULL;
      g_autofree char *content = NULL;
      g_autofree char *note = NULL;
      g_autofree char *status = NULL;
      g_autofree char *line = NULL;

      if (task->status == BC_TASK_DONE)
        continue;
      if (!any)
        bc_docx_write_line (d, &body, "Các nhiệm vụ chưa hoàn thành:");
      any = TRUE;
      key = bc_key_item_field (section->id, task->item, "note");
      content = without_stop (task->content);
      note = without_stop (task->note);
      status = g_utf8_strdown (bc_task_status_printed (task->status), -1);
      line = *note ? g_strdup_printf ("- %s (%s): %s.", content, status, note)
                   : g_strdup_printf ("- %s (%s).", content, status);
      write_anchored (d, key, line);
    }
}

/**
 * bc_docx_write_followup: (skip)
 *
 * The body of a "followup" section: its tasks as a table, or with
 * "outcome" the plan's outcome.
 */
void
bc_docx_write_followup (BcDocx          *d,
                        const BcSection *section)
{
  g_autoptr(GPtrArray) tasks = bc_followup_tasks (d->report, section);

  if (tasks->len == 0)
    return;
  if (section->outcome)
    {
      write_counts (d, section, tasks);
      write_not_done (d, section, tasks);
      return;
    }
  write_tasks_table (d, section, tasks);
}
