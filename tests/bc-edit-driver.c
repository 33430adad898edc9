/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edits a report without pause and prints "saved N" each time the session
 * says edit N is on disk; test-edit-session kills it with SIGKILL. Edit N
 * writes BASE + N: each round of the test gives its own BASE, so that a
 * round whose edits were all lost cannot pass on the previous round's. */
#include <stdio.h>
#include <stdlib.h>

#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-store.h"

static guint64 base;
static guint64 counter;

/* Edit number N (one step of three values) is serial N. */
static void
saved_cb (BcEditSession *session,
          guint64        serial,
          gpointer       data)
{
  printf ("saved %" G_GUINT64_FORMAT "\n", serial);
  fflush (stdout);
}

static gboolean
edit_cb (gpointer data)
{
  BcEditSession *session = data;
  g_autofree char *value = g_strdup_printf ("%" G_GUINT64_FORMAT, base + counter + 1);
  g_autofree char *text = g_strdup_printf ("Đoạn văn lần thứ %" G_GUINT64_FORMAT, base + counter + 1);
  BcEdit edits[] = {
    { "fig/vneid_activated", value },
    { "tbl/dvc25/2/total", value },
    { "sec/next_tasks/p1/text", text },
  };
  g_autoptr(GError) error = NULL;

  if (!bc_edit_session_apply (session, edits, G_N_ELEMENTS (edits), &error))
    g_error ("%s", error->message);
  counter++;
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcEditSession) session = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  if (argc != 4)
    return 64;
  base = g_ascii_strtoull (argv[3], NULL, 10);
  store = bc_store_open (argv[1], &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, g_ascii_strtoll (argv[2], NULL, 10), &error);
  g_assert_no_error (error);
  session = bc_edit_session_new (argv[1], report, &error);
  g_assert_no_error (error);
  bc_edit_session_set_delay (session, 5);
  g_signal_connect (session, "saved", G_CALLBACK (saved_cb), NULL);
  g_timeout_add (8, edit_cb, session);
  g_main_loop_run (loop);
  return 0;
}
