/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-store-consolidate.h"
#include "bc-window-private.h"

/* A province receiving its units' report files: several files or a
 * folder from a file chooser, or dropped on the window, in one action,
 * with one summary (bc_store_receive_files()). */

/**
 * bc_window_receive_files:
 * @paths: (array zero-terminated=1): report files and folders
 *
 * Receives the files and says what became of them in one dialog.
 */
void
bc_window_receive_files (BcWindow           *self,
                         const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (BC_IS_WINDOW (self));

  results = bc_store_receive_files (bc_window_get_store (self), paths, &error);
  if (results == NULL)
    {
      bc_window_add_toast (self, error->message);
      return;
    }
  bc_window_reload (self);
  summary = bc_receive_dup_summary (results);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Reports Received"), summary));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
