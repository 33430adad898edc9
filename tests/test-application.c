/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE   /* unshare () */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bc-application.h"
#include "bc-report-page.h"
#include "bc-table-editor.h"
#include "bc-test-ui-utils.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
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

/* Types into a cell without Enter or Tab, then presses Ctrl+Q. */
static gboolean
type_then_quit_cb (gpointer data)
{
  GApplication *app = data;
  Fixture *f = g_object_get_data (G_OBJECT (app), "fixture");
  GtkWidget *cell = table_cell (app, "2", "total");

  g_assert_true (gtk_widget_grab_focus (cell));
  gtk_editable_set_text (GTK_EDITABLE (cell), f->typed);
  /* The keys, pressed in the cell: the window's accelerator for app.quit. */
  {
    g_autoptr(GtkWidget) window = g_object_ref (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app))));

    g_assert_true (bc_test_press_key (cell, GDK_KEY_q, GDK_CONTROL_MASK) == window);
  }
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

/* README: --exit-after-first-frame quits as soon as the first frame is
 * painted, saying "first-frame": the real binary, on this test's display. */
static void
test_exit_after_first_frame (Fixture       *f,
                             gconstpointer  user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->id);
  const char *argv[] = { g_getenv ("BAOCAO_BIN"), "--open", id, "--show", "tbl/dvc25",
                         "--exit-after-first-frame", NULL };
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + bc_test_time_budget (30 * G_USEC_PER_SEC);
  GPid pid;
  int out_fd, status = 0;
  pid_t done = 0;
  char buffer[64] = "";
  gssize n;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  while ((done = waitpid (pid, &status, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (20000);
  if (done == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_error ("baocao --exit-after-first-frame was still running after 30 s");
    }
  n = read (out_fd, buffer, sizeof buffer - 1);
  close (out_fd);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpstr (buffer, ==, "first-frame\n");
}

/* The first label in @widget's tree whose text holds @part. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
look_for_warning_cb (gpointer data)
{
  GApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_object_set_data (G_OBJECT (app), "warning",
                     window ? find_label (GTK_WIDGET (window), "removable drive") : NULL);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
look_for_warning_later_cb (GApplication *app)
{
  g_timeout_add (500, look_for_warning_cb, app);
}

/* README: the window warns when the library is on a network or removable
 * drive. A mount namespace of this test's own puts a fresh file system on
 * /media/usb, where the desktop mounts a USB drive; the library made there
 * opens with the warning in the window. Root (as on CI) makes the
 * namespace; others get one through a user namespace. */
static void
test_location_warning (Fixture       *f,
                       gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BcApplication) app = bc_application_new ();
      g_autoptr(GError) error = NULL;
      char *argv[] = { "baocao", NULL };
      int flags = CLONE_NEWNS | (getuid () == 0 ? 0 : CLONE_NEWUSER);

      if (unshare (flags) != 0)
        g_error ("no mount namespace for the test: %s", g_strerror (errno));
      g_assert_cmpint (mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
      g_assert_cmpint (mount ("tmpfs", "/media", "tmpfs", 0, "size=1m"), ==, 0);
      g_assert_cmpint (g_mkdir ("/media/usb", 0755), ==, 0);
      g_assert_cmpint (mount ("tmpfs", "/media/usb", "tmpfs", 0, "size=16m"), ==, 0);
      {
        g_autoptr(BcStore) store = bc_store_open ("/media/usb/library.db", &error);
        g_assert_no_error (error);
      }
      g_setenv ("BAOCAO_LIBRARY", "/media/usb/library.db", TRUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (look_for_warning_later_cb), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
      if (g_object_get_data (G_OBJECT (app), "warning") == NULL)
        g_error ("no warning about the removable drive in the window");
      return;
    }
  g_test_trap_subprocess (NULL, bc_test_time_budget (60 * G_USEC_PER_SEC), G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
look_at_read_only_cb (gpointer data)
{
  GApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (BC_IS_WINDOW (window));
  /* What is true is said, and nothing that would send the clerk to a
   * backup; the library is read as usual. */
  if (find_label (GTK_WIDGET (window), "read-only place") == NULL)
    g_error ("no read-only notice in the window");
  g_assert_null (find_label (GTK_WIDGET (window), "damaged"));
  g_assert_cmpuint (bc_window_get_n_reports (BC_WINDOW (window)), ==, 1);
  g_object_set_data (G_OBJECT (app), "looked", GINT_TO_POINTER (1));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
look_at_read_only_later_cb (GApplication *app)
{
  g_timeout_add (500, look_at_read_only_cb, app);
}

/* Issue 10, item 2: a library on a read-only drive is not "damaged". The
 * test's own mount namespace makes a file system, puts the library on it
 * and remounts it read-only; the window opens it, says it is read-only and
 * lists its report. */
static void
test_read_only_notice (Fixture       *f,
                       gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BcApplication) app = bc_application_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *drive = g_build_filename (f->dir, "drive", NULL);
      g_autofree char *path = g_build_filename (drive, "library.db", NULL);
      g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples",
                                                  "province-2024-05.json", NULL);
      g_autofree char *data = NULL;
      char *argv[] = { "baocao", NULL };
      int flags = CLONE_NEWNS | (getuid () == 0 ? 0 : CLONE_NEWUSER);

      if (unshare (flags) != 0)
        g_error ("no mount namespace for the test: %s", g_strerror (errno));
      g_assert_cmpint (mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
      g_assert_cmpint (g_mkdir (drive, 0755), ==, 0);
      g_assert_cmpint (mount ("tmpfs", drive, "tmpfs", 0, "size=16m"), ==, 0);
      {
        g_autoptr(BcStore) store = bc_store_open (path, &error);

        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (sample, &data, NULL, &error));
        g_assert_cmpint (bc_store_import_json (store, data, -1, &error), >, 0);
        g_assert_no_error (error);
      }
      g_assert_cmpint (mount (NULL, drive, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
      g_setenv ("BAOCAO_LIBRARY", path, TRUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (look_at_read_only_later_cb), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
      g_assert_nonnull (g_object_get_data (G_OBJECT (app), "looked"));
      return;
    }
  g_test_trap_subprocess (NULL, bc_test_time_budget (60 * G_USEC_PER_SEC), G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
look_for_welcome_cb (gpointer data)
{
  GApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (BC_IS_WINDOW (window));
  if (find_label (GTK_WIDGET (window), "Chào mừng đến với Báo cáo") == NULL)
    g_error ("the window is not in Vietnamese");
  g_assert_null (find_label (GTK_WIDGET (window), "Welcome to"));
  g_object_set_data (G_OBJECT (app), "looked", GINT_TO_POINTER (1));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
look_for_welcome_later_cb (GApplication *app)
{
  g_timeout_add (500, look_for_welcome_cb, app);
}

/* Issue 10, item 13: on a Vietnamese desktop the window speaks
 * Vietnamese from the build tree's translations, as main () binds them
 * (dev-run runs the README's command for the command line; this is the
 * window's own text, its templates included). */
static void
test_vietnamese_window (Fixture       *f,
                        gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BcApplication) app = bc_application_new ();
      g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
      g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
      char *argv[] = { "baocao", NULL };

      if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
        g_error ("the vi_VN.UTF-8 locale is missing (build-aux/dev.sh test makes it)");
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_setenv ("BAOCAO_LIBRARY", empty, TRUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (look_for_welcome_later_cb), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
      g_assert_nonnull (g_object_get_data (G_OBJECT (app), "looked"));
      return;
    }
  g_test_trap_subprocess (NULL, bc_test_time_budget (60 * G_USEC_PER_SEC), G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/application/quit-saves", Fixture, NULL,
              fixture_set_up, test_quit_saves, fixture_tear_down);
  g_test_add ("/bc/ui/application/exit-after-first-frame", Fixture, NULL,
              fixture_set_up, test_exit_after_first_frame, fixture_tear_down);
  g_test_add ("/bc/ui/application/location-warning", Fixture, NULL,
              fixture_set_up, test_location_warning, fixture_tear_down);
  g_test_add ("/bc/ui/application/read-only-notice", Fixture, NULL,
              fixture_set_up, test_read_only_notice, fixture_tear_down);
  g_test_add ("/bc/ui/application/vietnamese-window", Fixture, NULL,
              fixture_set_up, test_vietnamese_window, fixture_tear_down);
  return g_test_run ();
}
