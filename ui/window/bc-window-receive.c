/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-report-page.h"
#include "bc-store-consolidate.h"
#include "bc-units-window.h"
#include "bc-window-private.h"

/* A province receiving its units' report files: several files or a
 * folder from a file chooser, or dropped on the window, in one action,
 * with one summary (bc_store_receive_files()). */

/* The worker's share: the file names, and a store of its own on the
 * same library (a store is used by one thread). */
typedef struct
{
  GStrv              paths;
  char              *library;
  char              *actor;
  BcWindowReceiving *receiving;   /* the window's: done and total, atomically */
  guint              n_files;
} Job;

static void
job_free (Job *job)
{
  g_strfreev (job->paths);
  g_free (job->library);
  g_free (job->actor);
  g_free (job);
}

/**
 * bc_window_receiving_clear: (skip)
 *
 * Stops a receipt under way (its result is then dropped) and frees the
 * state; the window's dispose.
 */
void
bc_window_receiving_clear (BcWindowReceiving *receiving)
{
  if (receiving->cancellable != NULL)
    g_cancellable_cancel (receiving->cancellable);
  g_clear_object (&receiving->cancellable);
  g_clear_handle_id (&receiving->tick, g_source_remove);
  if (receiving->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (receiving->dialog));
  g_clear_weak_pointer (&receiving->dialog);
  g_clear_pointer (&receiving->summary, g_free);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->receiving->total, total);
  g_atomic_int_set (&job->receiving->done, done);
}

static void
receive_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (job->library, &error);
  GPtrArray *results = NULL;

  if (store != NULL)
    {
      bc_store_set_actor (store, job->actor);
      results = bc_store_receive_files_full (store, (const char * const *) job->paths, cancellable, progress_cb, job,
                                             &job->n_files, &error);
    }
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* "5 of 12 files…" in the dialog, a few times a second. */
static gboolean
tick_cb (gpointer data)
{
  BcWindowReceiving *receiving = data;
  guint done = (guint) g_atomic_int_get (&receiving->done);
  guint total = (guint) g_atomic_int_get (&receiving->total);
  g_autofree char *text = NULL;

  if (receiving->dialog == NULL || total == 0)
    return G_SOURCE_CONTINUE;
  text = g_strdup_printf (ngettext ("%u of %u file received…", "%u of %u files received…", total), done, total);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (receiving->dialog), text);
  return G_SOURCE_CONTINUE;
}

static void
summary_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BcWindow         *self)
{
  if (g_str_equal (response, "units"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.units", NULL);
}

static void
received_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  BcWindow *self = BC_WINDOW (source);
  BcWindowReceiving *receiving = bc_window_get_receiving (self);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GString) summary = NULL;
  g_autofree char *counts = NULL;
  gboolean stopped;
  AdwMessageDialog *dialog;

  /* The window was closed meanwhile: nobody to tell. */
  if (receiving->cancellable == NULL)
    return;
  stopped = g_cancellable_is_cancelled (receiving->cancellable);
  g_clear_object (&receiving->cancellable);
  g_clear_handle_id (&receiving->tick, g_source_remove);
  if (receiving->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (receiving->dialog));
  g_clear_weak_pointer (&receiving->dialog);
  if (results == NULL)
    {
      bc_window_add_toast (self, error->message);
      return;
    }
  bc_window_reload (self);
  summary = g_string_new (NULL);
  g_string_append (summary, counts = bc_receive_dup_summary (results));
  if (stopped && results->len < job->n_files)
    g_string_append_printf (summary, ngettext ("\nStopped: %u file was not looked at.",
                                               "\nStopped: %u files were not looked at.", job->n_files - results->len),
                            job->n_files - results->len);
  g_free (receiving->summary);
  receiving->summary = g_strdup (summary->str);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reports Received"), summary->str));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "units", _("_See Units’ Reports"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "units", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "units");
  g_signal_connect_object (dialog, "response", G_CALLBACK (summary_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  BcWindow         *self)
{
  bc_window_stop_receiving (self);
}

/**
 * bc_window_receive_files:
 * @paths: (array zero-terminated=1): report files and folders
 *
 * Receives the files in a worker thread, the window answering meanwhile,
 * with a dialog that says how far it is and can stop it; then says what
 * became of them in one summary. A second receipt waits for the first.
 */
void
bc_window_receive_files (BcWindow           *self,
                         const char * const *paths)
{
  BcWindowReceiving *receiving;
  g_autoptr(GTask) task = NULL;
  GtkWidget *dialog;
  Job *job;

  g_return_if_fail (BC_IS_WINDOW (self));

  receiving = bc_window_get_receiving (self);
  if (receiving->cancellable != NULL)
    {
      bc_window_add_toast (self, _("Report files are being received: wait for the summary"));
      return;
    }
  /* Whatever is typed in the open report is saved before. */
  bc_report_page_flush (bc_window_get_report_page (self), NULL);
  job = g_new0 (Job, 1);
  job->paths = g_strdupv ((char **) paths);
  job->library = g_strdup (bc_store_get_path (bc_window_get_store (self)));
  job->actor = g_strdup (bc_store_get_actor (bc_window_get_store (self)));
  job->receiving = receiving;
  receiving->done = receiving->total = 0;
  receiving->cancellable = g_cancellable_new ();
  task = g_task_new (self, receiving->cancellable, received_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Stopped, it still says what it received. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, receive_thread);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Receiving Report Files"), _("Reading the files…"));
  gtk_window_set_modal (GTK_WINDOW (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "stop", _("_Stop"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self, 0);
  g_set_weak_pointer (&receiving->dialog, dialog);
  receiving->tick = g_timeout_add (200, tick_cb, receiving);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * bc_window_is_receiving:
 *
 * Returns: whether report files are being received
 */
gboolean
bc_window_is_receiving (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  return bc_window_get_receiving (self)->cancellable != NULL;
}

/**
 * bc_window_stop_receiving:
 *
 * Stops receiving after the file being read; the summary then says how
 * many were not looked at.
 */
void
bc_window_stop_receiving (BcWindow *self)
{
  BcWindowReceiving *receiving;

  g_return_if_fail (BC_IS_WINDOW (self));

  receiving = bc_window_get_receiving (self);
  if (receiving->cancellable != NULL)
    g_cancellable_cancel (receiving->cancellable);
}

/**
 * bc_window_get_receive_summary:
 *
 * Returns: (nullable): what the last receipt's summary said
 */
const char *
bc_window_get_receive_summary (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return bc_window_get_receiving (self)->summary;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BcWindow        *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (paths->len > 1)
    bc_window_receive_files (self, (const char * const *) paths->pdata);
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
choose (GtkWidget *widget,
        gboolean   folder)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Receive a Folder of Report Files") : _("Receive Report Files"),
                                         GTK_WINDOW (widget),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Receive"), _("_Cancel"));
  if (!folder)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Baocao report files"));
      gtk_file_filter_add_suffix (filter, "baocao");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bc_window_receive_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose (widget, g_str_equal (action_name, "win.receive-folder"));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BcWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l; l = l->next)
    {
      char *path = g_file_get_path (l->data);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  bc_window_receive_files (self, (const char * const *) paths->pdata);
  return TRUE;
}

/**
 * bc_window_add_receive_drop:
 *
 * Files and folders dropped on the window are received.
 */
void
bc_window_add_receive_drop (BcWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The units' reports for a period, in a window of their own. */
void
bc_window_units_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  BcUnitsWindow *units = bc_units_window_new (BC_WINDOW (widget), &error);

  if (units == NULL)
    {
      bc_window_add_toast (BC_WINDOW (widget), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (units));
}
