/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-window-private.h"

/* Opening a .baocao file a reviewer or a district sent: it is checked,
 * then copied into the library; when the library already has that report,
 * the user chooses to replace it, keep both, or look at the differences. */

typedef struct
{
  BcWindow *self;
  char     *path;
  gint64    existing_id;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->self);
  g_free (import->path);
  g_free (import);
}

static void try_import (BcWindow *self, const char *path, BcImportMode mode);

static void
exists_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Import           *import)
{
  if (g_str_equal (response, "replace"))
    try_import (import->self, import->path, BC_IMPORT_REPLACE);
  else if (g_str_equal (response, "keep"))
    try_import (import->self, import->path, BC_IMPORT_KEEP_BOTH);
  else if (g_str_equal (response, "compare"))
    bc_window_compare_file (import->self, import->path, import->existing_id);
  import_free (import);
}

static void
ask_what_to_do (BcWindow   *self,
                const char *path,
                gint64      existing_id,
                const char *message)
{
  AdwMessageDialog *dialog;
  Import *import = g_new0 (Import, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Report Is Already in the Library"),
                                                       message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "compare", _("_Review Differences"),
                                    "keep", _("_Keep Both"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "compare");
  adw_message_dialog_set_close_response (dialog, "cancel");
  import->self = g_object_ref (self);
  import->path = g_strdup (path);
  import->existing_id = existing_id;
  g_signal_connect (dialog, "response", G_CALLBACK (exists_response_cb), import);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_import (BcWindow     *self,
            const char   *path,
            BcImportMode  mode)
{
  g_autoptr(GError) error = NULL;
  gint64 existing_id = 0;
  gint64 id;

  /* A report being replaced must not be open in an editing session. */
  if (mode == BC_IMPORT_REPLACE)
    bc_window_close_report (self);
  id = bc_store_import_file (bc_window_get_store (self), path, mode, &existing_id, &error);
  if (id == 0 && g_error_matches (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS))
    {
      ask_what_to_do (self, path, existing_id, error->message);
      return;
    }
  if (id == 0)
    {
      bc_window_add_toast (self, error->message);
      return;
    }
  bc_window_reload (self);
  bc_window_open_report (self, id, NULL);
}

/**
 * bc_window_open_file:
 * @path: a .baocao file
 *
 * Copies the report in @path into the library after checking it, asking
 * first when the library already holds it.
 */
void
bc_window_open_file (BcWindow   *self,
                     const char *path)
{
  g_return_if_fail (BC_IS_WINDOW (self));
  try_import (self, path, BC_IMPORT_ASK);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BcWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        bc_window_open_file (self, path);
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

void
bc_window_open_file_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Report File"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Baocao report files"));
  gtk_file_filter_add_suffix (filter, "baocao");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
