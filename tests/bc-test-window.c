/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"

/** bc_test_spin: runs the main loop until nothing is left to do */
void
bc_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @msec: frames go by, a clipboard is read. */
void
bc_test_wait (guint msec)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (msec, quit_cb, loop);
  g_main_loop_run (loop);
}

/* Drops the last reference to @object and waits for it to go: an export
 * thread that wrote its file may not have handed its result back yet. */
void
bc_test_assert_finalized_soon (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &object);
  g_object_unref (object);
  while (object != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (object);
}

/* The message dialog on screen; asserts there is one. */
AdwMessageDialog *
bc_test_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL && dialog == NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  return dialog;
}

/* Answers @dialog with @response, closes it and lets the answer be acted on. */
void
bc_test_answer_dialog (AdwMessageDialog *dialog,
                       const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bc_test_spin ();
}

/**
 * bc_test_load_templates:
 *
 * Returns: (transfer full) (element-type BcTemplate): the templates the
 *   application ships, with their catalogs
 */
GPtrArray *
bc_test_load_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_dir = bc_template_default_dir ("templates");
  g_autofree char *catalog_dir = bc_template_default_dir ("catalogs");
  GPtrArray *templates = bc_template_load_dir (template_dir, catalog_dir, &error);

  g_assert_no_error (error);
  return templates;
}

/* A fresh library and the templates; no window yet. */
void
bc_test_window_set_up (BcTestWindow *w)
{
  memset (w, 0, sizeof *w);
  w->dir = bc_test_mkdtemp ();
  w->store = bc_test_open_store (w->dir, "library.db");
  w->templates = bc_test_load_templates ();
}

/**
 * bc_test_window_import:
 * @sample: a file of data/samples, "province-2024-05.json"
 *
 * Returns: the id of the report imported from @sample
 */
gint64
bc_test_window_import (BcTestWindow *w,
                       const char   *sample)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", sample, NULL);
  g_autofree char *json = NULL;
  gint64 id;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  id = bc_store_import_json (w->store, json, -1, &error);
  g_assert_no_error (error);
  return id;
}

/* The window, shown, with report @id open on its page. */
void
bc_test_window_open (BcTestWindow *w,
                     gint64        id)
{
  w->id = id;
  w->window = g_object_ref (bc_window_new (NULL, w->store, w->templates));
  gtk_window_present (GTK_WINDOW (w->window));
  bc_window_open_report (w->window, w->id, NULL);
  w->page = bc_window_get_report_page (w->window);
  g_assert_nonnull (bc_report_page_get_session (w->page));
  bc_test_spin ();
}

/* Closes the window; the window and the store must then be finalized. */
void
bc_test_window_tear_down (BcTestWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  bc_test_spin ();
  bc_test_assert_finalized_soon (w->window);
  g_ptr_array_unref (w->templates);
  bc_test_assert_finalized_soon (w->store);
  bc_test_rmdir (w->dir);
  g_free (w->dir);
}

/**
 * bc_test_window_stored:
 *
 * Returns: (transfer full): what the library holds under @key for the
 *   open report, once the page has saved, read through a connection of
 *   its own
 */
char *
bc_test_window_stored (BcTestWindow *w,
                       const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;

  g_assert_true (bc_report_page_flush (w->page, &error));
  g_assert_no_error (error);
  store = bc_store_open (bc_store_get_path (w->store), &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, w->id, &error);
  g_assert_no_error (error);
  return g_strdup (bc_report_get (report, key));
}

/** bc_test_window_model: Returns: (transfer none): the report being edited */
BcReport *
bc_test_window_model (BcTestWindow *w)
{
  return bc_edit_session_get_report (bc_report_page_get_session (w->page));
}

/**
 * bc_test_window_show:
 *
 * Returns: (transfer none): the form the page shows for @key
 */
GtkWidget *
bc_test_window_show (BcTestWindow *w,
                     const char   *key)
{
  g_assert_true (bc_report_page_show_key (w->page, key));
  bc_test_spin ();
  return bc_report_page_get_form (w->page);
}
