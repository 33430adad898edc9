/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "bc-application.h"
#include "bc-report-page.h"
#include "bc-table-editor.h"
#include "bc-test-utils.h"
#include "bc-window.h"

/* The whole application, as started from the command line: its library
 * is BAOCAO_LIBRARY. */

typedef struct
{
  char       *dir;
  char       *path;
  gint64      id;
  const char *typed;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples",
                                              "province-2024-05.json", NULL);
  g_autofree char *data = NULL;
  gsize length;

  f->dir = bc_test_mkdtemp ();
  f->path = g_build_filename (f->dir, "library.db", NULL);
  store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (sample, &data, &length, &error));
  g_assert_no_error (error);
  f->id = bc_store_import_json (store, data, (gssize) length, &error);
  g_assert_no_error (error);
  g_setenv ("BAOCAO_LIBRARY", f->path, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_unsetenv ("BAOCAO_LIBRARY");
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
stored (Fixture    *f,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (f->path, &error);
  g_autoptr(BcReport) report = NULL;

  g_assert_no_error (error);
  report = bc_store_open_report (store, f->id, &error);
  g_assert_no_error (error);
  return g_strdup (bc_report_get (report, key));
}

static GtkWidget *
table_cell (GApplication *app,
            const char   *row,
            const char   *column)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *form;

  g_assert_true (BC_IS_WINDOW (window));
  form = bc_report_page_get_form (bc_window_get_report_page (BC_WINDOW (window)));
  g_assert_true (BC_IS_TABLE_EDITOR (form));
  return bc_table_editor_get_cell (BC_TABLE_EDITOR (form), row, column);
}

/* Types into a cell without Enter or Tab, then Ctrl+Q. */
static gboolean
type_then_quit_cb (gpointer data)
{
  GApplication *app = data;
  Fixture *f = g_object_get_data (G_OBJECT (app), "fixture");
  GtkWidget *cell = table_cell (app, "2", "total");

  g_assert_true (gtk_widget_grab_focus (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), f->typed);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  g_timeout_add (300, type_then_quit_cb, app);
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("The application did not quit");
  return G_SOURCE_REMOVE;
}

/* Ctrl+Q keeps what was typed in the cell with the focus, and every edit
 * waiting for its save. */
static void
test_quit_saves (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(BcApplication) app = bc_application_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->id);
  g_autofree char *value = NULL;
  char *argv[] = { "baocao", "--open", id, "--show", "tbl/dvc25", NULL };
  guint give_up;

  f->typed = "4.321";
  g_object_set_data (G_OBJECT (app), "fixture", f);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  give_up = g_timeout_add_seconds (20, give_up_cb, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_source_remove (give_up);

  value = stored (f, "tbl/dvc25/2/total");
  g_assert_cmpstr (value, ==, "4321");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/application/quit-saves", Fixture, NULL,
              fixture_set_up, test_quit_saves, fixture_tear_down);
  return g_test_run ();
}
