/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-plan-status-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-export.h"
#include "bc-period.h"
#include "bc-plan-status-window.h"
#include "bc-plan-task-row.h"
#include "bc-report.h"
#include "bc-store-followup.h"
#include "bc-store.h"
#include "bc-xlsx.h"

/* A plan's tasks and where they stand across the library's reports,
 * overdue first (baocao plan-status in a window), to hand out at the
 * monthly review as XLSX. */
struct _BcPlanStatusWindow
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  GtkLabel        *summary;
  GtkListBox      *list;

  /* owned */
  BcReport        *plan;
  GPtrArray       *tasks;   /* BcPlanTask; NULL while they are read */
  GListStore      *items;   /* BcPlanTaskItem */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (BcPlanStatusWindow, bc_plan_status_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return bc_plan_task_row_new (item);
}

static void
show_summary (BcPlanStatusWindow *self)
{
  guint counts[BC_TASK_N_STATUSES] = { 0 };
  guint overdue = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->tasks->len; i++)
    {
      const BcPlanTask *task = self->tasks->pdata[i];

      counts[task->status]++;
      overdue += task->overdue;
    }
  /* Translators: a plan's tasks: how many, how many overdue, then how many of each status */
  text = g_strdup_printf (_("%u tasks, %u overdue: %u done, %u in progress, %u not started, %u not done"),
                          self->tasks->len, overdue, counts[BC_TASK_DONE], counts[BC_TASK_IN_PROGRESS],
                          counts[BC_TASK_NOT_STARTED], counts[BC_TASK_NOT_DONE]);
  gtk_label_set_text (self->summary, text);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    BcPlanStatusWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      if (bc_plan_status_window_export (self, path, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          message = g_strdup_printf (_("Saved “%s”"), base);
        }
      else
        message = g_strdup (error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcPlanStatusWindow *self = BC_PLAN_STATUS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export as XLSX"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the file name the plan's follow-up is exported to; keep the .xlsx */
  name = g_strdup_printf (_("Plan follow-up %s.xlsx"), bc_report_get_period_to (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bc_plan_status_window_dispose (GObject *object)
{
  BcPlanStatusWindow *self = BC_PLAN_STATUS_WINDOW (object);

  /* A read still under way is dropped; its callback holds a ref. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_PLAN_STATUS_WINDOW);
  g_clear_object (&self->items);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (bc_plan_status_window_parent_class)->dispose (object);
}

static void
bc_plan_status_window_class_init (BcPlanStatusWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_plan_status_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-plan-status-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPlanStatusWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, BcPlanStatusWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, BcPlanStatusWindow, list);
  gtk_widget_class_install_action (widget_class, "plan.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_plan_status_window_init (BcPlanStatusWindow *self)
{
  g_type_ensure (BC_TYPE_PLAN_TASK_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (BC_TYPE_PLAN_TASK_ITEM);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(BcPlanStatusWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = bc_store_plan_status_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  if (tasks == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  self->tasks = g_steal_pointer (&tasks);
  for (guint i = 0; i < self->tasks->len; i++)
    {
      g_autoptr(BcPlanTaskItem) item = bc_plan_task_item_new (self->tasks, i);
      g_list_store_append (self->items, item);
    }
  show_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", TRUE);
}

/**
 * bc_plan_status_window_new:
 * @parent: (nullable): the window it belongs to
 * @plan: a report of a "plan" template in @store
 *
 * The window, at once; the tasks are read in a thread (every report that
 * follows the plan is opened), and fill it when they are; closing it
 * stops the reading.
 *
 * Returns: (transfer full): the window
 */
BcPlanStatusWindow *
bc_plan_status_window_new (GtkWindow *parent,
                           BcStore   *store,
                           BcReport  *plan)
{
  BcPlanStatusWindow *self;
  GDate today;

  bc_date_today (&today);
  self = g_object_new (BC_TYPE_PLAN_STATUS_WINDOW, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row_cb, NULL, NULL);
  gtk_label_set_text (self->summary, _("Reading the reports that follow the plan…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export", FALSE);
  bc_store_plan_status_async (bc_store_get_path (store), bc_report_get_id (plan), &today, self->cancellable,
                              read_cb, g_object_ref (self));
  return self;
}

/**
 * bc_plan_status_window_is_loading:
 *
 * Returns: whether the tasks are still being read
 */
gboolean
bc_plan_status_window_is_loading (BcPlanStatusWindow *self)
{
  g_return_val_if_fail (BC_IS_PLAN_STATUS_WINDOW (self), FALSE);
  return self->tasks == NULL;
}

GListModel *
bc_plan_status_window_get_model (BcPlanStatusWindow *self)
{
  g_return_val_if_fail (BC_IS_PLAN_STATUS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->items);
}

const char *
bc_plan_status_window_get_summary (BcPlanStatusWindow *self)
{
  g_return_val_if_fail (BC_IS_PLAN_STATUS_WINDOW (self), NULL);
  return gtk_label_get_text (self->summary);
}

/**
 * bc_plan_status_window_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the @index-th task
 */
GtkWidget *
bc_plan_status_window_get_row (BcPlanStatusWindow *self,
                               guint               index)
{
  g_return_val_if_fail (BC_IS_PLAN_STATUS_WINDOW (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

/**
 * bc_plan_status_window_export:
 *
 * Writes the tasks and their history as baocao plan-status --xlsx does.
 *
 * Returns: %FALSE with @error set when the file could not be written
 */
gboolean
bc_plan_status_window_export (BcPlanStatusWindow  *self,
                              const char          *path,
                              GError             **error)
{
  g_return_val_if_fail (BC_IS_PLAN_STATUS_WINDOW (self), FALSE);

  if (!bc_export_check_name (path, "xlsx", error))
    return FALSE;
  if (self->tasks == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The tasks are still being read"));
      return FALSE;
    }
  return bc_xlsx_export_plan_status (self->plan, self->tasks, path, NULL, error);
}
