/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-plan-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-period.h"
#include "bc-plan-task-row.h"
#include "bc-ui-utils.h"

/* A task of a plan as the plan's follow-up window lists it: where it
 * stands, overdue or not, and every report's word on it. */
struct _BcPlanTaskItem
{
  GObject    parent_instance;

  GPtrArray *tasks;   /* BcPlanTask, shared by the window's items */
  guint      index;
};

G_DEFINE_FINAL_TYPE (BcPlanTaskItem, bc_plan_task_item, G_TYPE_OBJECT)

static void
bc_plan_task_item_finalize (GObject *object)
{
  BcPlanTaskItem *self = BC_PLAN_TASK_ITEM (object);

  g_ptr_array_unref (self->tasks);
  G_OBJECT_CLASS (bc_plan_task_item_parent_class)->finalize (object);
}

static void
bc_plan_task_item_class_init (BcPlanTaskItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_plan_task_item_finalize;
}

static void
bc_plan_task_item_init (BcPlanTaskItem *self)
{
}

/**
 * bc_plan_task_item_new:
 * @tasks: (element-type BcPlanTask): bc_store_plan_status()'s tasks
 *
 * Returns: (transfer full): the item of the @index-th task
 */
BcPlanTaskItem *
bc_plan_task_item_new (GPtrArray *tasks,
                       guint      index)
{
  BcPlanTaskItem *self = g_object_new (BC_TYPE_PLAN_TASK_ITEM, NULL);

  g_return_val_if_fail (index < tasks->len, self);
  self->tasks = g_ptr_array_ref (tasks);
  self->index = index;
  return self;
}

const BcPlanTask *
bc_plan_task_item_get_task (BcPlanTaskItem *self)
{
  g_return_val_if_fail (BC_IS_PLAN_TASK_ITEM (self), NULL);
  return self->tasks->pdata[self->index];
}

struct _BcPlanTaskRow
{
  GtkListBoxRow   parent_instance;

  /* template widgets */
  GtkLabel       *state;
  GtkLabel       *content;
  GtkLabel       *meta;
  GtkExpander    *expander;
  GtkLabel       *history;

  /* owned */
  BcPlanTaskItem *item;
};

G_DEFINE_FINAL_TYPE (BcPlanTaskRow, bc_plan_task_row, GTK_TYPE_LIST_BOX_ROW)

/* "20/06/2024 · Huyện Châu Đức · Đang thực hiện · <note> · Nguyễn Văn A" */
static char *
describe_entry (const BcPlanEntry *entry)
{
  g_autofree char *to = bc_date_to_display (entry->period_to);
  g_autofree char *by = bc_plan_entry_describe_origin (entry);
  GString *line = g_string_new (NULL);

  g_string_printf (line, "%s · %s · %s", to, entry->unit, bc_task_status_label (entry->status));
  if (*entry->date != '\0')
    {
      g_autofree char *date = bc_date_to_display (entry->date);
      g_string_append_printf (line, " (%s)", date);
    }
  if (*entry->note != '\0')
    g_string_append_printf (line, " · %s", entry->note);
  if (*by != '\0')
    g_string_append_printf (line, " · %s", by);
  return g_string_free (line, FALSE);
}

static void
show_task (BcPlanTaskRow    *self,
           const BcPlanTask *task)
{
  g_autofree char *state = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *reading = bc_deadline_describe (&task->deadline);
  g_autofree char *expander = NULL;
  g_autoptr(GString) history = g_string_new (NULL);

  state = task->overdue
    /* Translators: a plan's task: overdue · its status · its place in the plan */
    ? g_strdup_printf (_("Overdue · %s · %s"), bc_task_status_label (task->status), task->number)
    : g_strdup_printf ("%s · %s", bc_task_status_label (task->status), task->number);
  gtk_label_set_text (self->state, state);
  if (task->overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->state), "error");
  bc_ui_label_set_inline (self->content, task->content);
  /* Translators: a plan's task: its lead agency, its deadline as written, and how Baocao read it */
  meta = g_strdup_printf (_("%s · deadline: %s (%s)"), task->lead, task->deadline_text, reading);
  gtk_label_set_text (self->meta, meta);
  for (guint i = 0; i < task->history->len; i++)
    {
      g_autofree char *line = describe_entry (task->history->pdata[i]);
      g_string_append_printf (history, "%s%s", i ? "\n" : "", line);
    }
  gtk_label_set_text (self->history, history->str);
  expander = g_strdup_printf (ngettext ("%u report", "%u reports", task->history->len), task->history->len);
  gtk_expander_set_label (self->expander, expander);
  gtk_widget_set_visible (GTK_WIDGET (self->expander), task->history->len > 0);
}

static void
bc_plan_task_row_dispose (GObject *object)
{
  BcPlanTaskRow *self = BC_PLAN_TASK_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PLAN_TASK_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_plan_task_row_parent_class)->dispose (object);
}

static void
bc_plan_task_row_class_init (BcPlanTaskRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_plan_task_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-plan-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPlanTaskRow, state);
  gtk_widget_class_bind_template_child (widget_class, BcPlanTaskRow, content);
  gtk_widget_class_bind_template_child (widget_class, BcPlanTaskRow, meta);
  gtk_widget_class_bind_template_child (widget_class, BcPlanTaskRow, expander);
  gtk_widget_class_bind_template_child (widget_class, BcPlanTaskRow, history);
}

static void
bc_plan_task_row_init (BcPlanTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_plan_task_row_new:
 *
 * Returns: (transfer floating): the row of @item
 */
GtkWidget *
bc_plan_task_row_new (BcPlanTaskItem *item)
{
  BcPlanTaskRow *self = g_object_new (BC_TYPE_PLAN_TASK_ROW, NULL);

  self->item = g_object_ref (item);
  show_task (self, bc_plan_task_item_get_task (item));
  return GTK_WIDGET (self);
}

/**
 * bc_plan_task_row_get_history:
 *
 * Returns: the history as shown, a report a line
 */
const char *
bc_plan_task_row_get_history (BcPlanTaskRow *self)
{
  g_return_val_if_fail (BC_IS_PLAN_TASK_ROW (self), NULL);
  return gtk_label_get_text (self->history);
}
