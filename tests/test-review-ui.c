/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review widgets, driven through their actions and widgets: keys
 * described for people, the reviewer's changes accepted and reverted,
 * comment threads, and the name and role set once in the preferences. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-changes-panel.h"
#include "bc-comments-panel.h"
#include "bc-part-heading.h"
#include "bc-preferences-window.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-ui-utils.h"

#define REVIEWER "Trần Thị Bình"

typedef enum
{
  ROUND_NONE,       /* the sample as imported, a draft */
  ROUND_RETURNED,   /* submitted, corrected by the reviewer, returned */
  ROUND_APPROVED,   /* submitted, corrected by the reviewer, approved */
} Round;

typedef struct
{
  char          *dir;
  BcStore       *store;       /* the clerk's, as the window's */
  BcReport      *submitted;   /* the report as the clerk submitted it */
  BcReport      *report;      /* as the clerk opens it again */
  BcEditSession *session;
  GtkWidget     *window;
  gint64         id;
} Fixture;

/* What the reviewer corrects, in report order. */
static const BcEdit corrections[] = {
  { "header/number", "200" },
  { "sec/direction/d2/summary", "đẩy mạnh triển khai Chỉ thị số 04/CT-TTg ngày 11/02/2024" },
  { "fig/vneid_activated", "1234567" },
  { "tbl/dvc25/18/overdue", "15" },
};

static void
review (Fixture *f,
        Round    round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) reviewer = NULL;
  g_autoptr(BcReport) copy = NULL;

  g_assert_true (bc_store_set_status (f->store, f->submitted, "submitted", NULL, &error));
  g_assert_no_error (error);
  reviewer = bc_store_open (bc_store_get_path (f->store), &error);
  g_assert_no_error (error);
  bc_store_set_actor (reviewer, REVIEWER);
  bc_store_set_role (reviewer, BC_ROLE_REVIEWER);
  copy = bc_store_open_report (reviewer, f->id, &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_apply (reviewer, copy, corrections, G_N_ELEMENTS (corrections), &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_store_add_comment (reviewer, copy, "tbl/dvc25/18/overdue",
                                         "Số quá hạn tháng này là 15, không phải 3.405.", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (bc_store_set_status (reviewer, copy, round == ROUND_APPROVED ? "approved" : "returned",
                                      NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples",
                                              "province-2024-05.json", NULL);
  g_autofree char *json = NULL;
  Round round = GPOINTER_TO_INT (data);

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (sample, &json, NULL, NULL));
  f->id = bc_store_import_json (f->store, json, -1, &error);
  g_assert_no_error (error);
  f->submitted = bc_store_open_report (f->store, f->id, &error);
  g_assert_no_error (error);
  if (round != ROUND_NONE)
    review (f, round);
  f->report = bc_store_open_report (f->store, f->id, &error);
  g_assert_no_error (error);
  f->session = bc_edit_session_new (bc_store_get_path (f->store), f->report, &error);
  g_assert_no_error (error);
  bc_edit_session_set_delay (f->session, 10);
  /* As the page does: the session stamps what the store does. */
  bc_edit_session_set_actor (f->session, bc_store_get_actor (f->store), bc_store_get_role (f->store));

  f->window = g_object_ref (gtk_window_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 720);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  bc_test_spin ();
  g_assert_finalize_object (f->window);
  bc_edit_session_close (f->session);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->report);
  g_assert_finalize_object (f->submitted);
  g_assert_finalize_object (f->store);
  bc_store_set_default_actor (NULL, NULL);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
show_in_window (Fixture   *f,
                GtkWidget *widget)
{
  gtk_window_set_child (GTK_WINDOW (f->window), widget);
  gtk_window_present (GTK_WINDOW (f->window));
  bc_test_spin ();
}

/* Every label's text below @widget, one a line: what the user reads. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
shown_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_type (widget, type, found);
  return found;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = find_all (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* What the library holds, read through a connection of its own. */
static char *
stored (Fixture    *f,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;

  g_assert_true (bc_edit_session_flush (f->session, &error));
  g_assert_no_error (error);
  store = bc_store_open (bc_store_get_path (f->store), &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, f->id, &error);
  g_assert_no_error (error);
  return g_strdup (bc_report_get (report, key));
}

/* Every input, and every button without words, has a name a screen
 * reader can say. */
static void
assert_accessible (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_accessible (child);
  /* The window's own header bar and page switcher are libadwaita's. */
  if (!gtk_widget_get_visible (widget) || gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER) != NULL
      || gtk_widget_get_ancestor (widget, GTK_TYPE_HEADER_BAR) != NULL)
    return;
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL)
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
  if (GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget))
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL
           && !GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("button %s (%s) has no accessible label", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget));
    }
}

/* Describing keys and values */

typedef struct
{
  const char *key;
  const char *text;
} KeyCase;

static void
test_describe_keys (Fixture       *f,
                    gconstpointer  data)
{
  static const KeyCase cases[] = {
    { "tbl/dvc25/18/overdue", "Phụ lục II · 18. Đăng ký thuế lần đầu, đăng ký thay đổi… · Quá hạn" },
    { "tbl/dvc25/18/note", "Phụ lục II · 18. Đăng ký thuế lần đầu, đăng ký thay đổi… · Note" },
    { "tbl/dvc25/3/applies", "Phụ lục II · 3. Đăng ký thường trú · Applies to this unit" },
    { "tbl/dvc25/3", "Phụ lục II · 3. Đăng ký thường trú" },
    { "tbl/qd422/13.2/online", "Phụ lục III · 13.2. Thanh toán viện phí · Trực tuyến" },
    { "tbl/dvc25", "Phụ lục II" },
    { "fig/vneid_activated", "Tài khoản định danh điện tử đã kích hoạt" },
    { "fig/vneid_activated/den", "Tài khoản định danh điện tử đã kích hoạt · Chỉ tiêu Bộ Công an giao" },
    { "header/number", "Header · Number" },
    { "header/signer_name", "Header · Signer’s name" },
    { "meta/unit", "Unit" },
    { "meta/period_to", "End of the period" },
    { "sec/direction", "1. Công tác chỉ đạo, triển khai" },
    { "sec/direction/d2/summary", "1. Công tác chỉ đạo, triển khai · Document 2 · About" },
    { "sec/direction/d7/date", "1. Công tác chỉ đạo, triển khai · Document 7 · Date" },
    { "sec/direction/d99/date", "1. Công tác chỉ đạo, triển khai · Removed document · Date" },
    { "sec/next_tasks/p3/text", "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI · Paragraph 3" },
    { "sec/next_tasks/p3/level", "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI · Paragraph 3 · Level" },
    { "sec/next_tasks/order", "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI · Order of the paragraphs" },
    { "sec/dvc_results", "3. Về việc tổ chức thực hiện 25 dịch vụ…" },
    { "expl/table.sum@tbl/dvc25/18/overdue#x", "Phụ lục II · 18. Đăng ký thuế lần đầu, đăng ký thay đổi… · Quá hạn · Explanation of a finding" },
    { "expl/odd", "Explanation of a finding" },
    { "", "Whole report" },
    { "tbl/nope/1/total", "tbl/nope/1/total" },
    { "bogus", "bogus" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bc_key_describe (f->report, cases[i].key);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *text = bc_key_describe (f->report, NULL);
    g_assert_cmpstr (text, ==, "Whole report");
  }
}

typedef struct
{
  const char *key;
  const char *value;
  const char *text;
} ValueCase;

static void
test_describe_values (Fixture       *f,
                      gconstpointer  data)
{
  static const ValueCase cases[] = {
    { "fig/vneid_activated", "1234567", "1.234.567" },
    { "fig/vneid_activated/den", "615198", "615.198" },
    { "tbl/dvc25/18/overdue", "3405", "3.405" },
    { "tbl/dvc25/18/connection", "Đã kết nối", "Đã kết nối" },
    { "tbl/dvc25/18/difficulties", "Thiếu máy", "Thiếu máy" },
    { "tbl/dvc25/18/applies", "0", "Does not apply" },
    { "tbl/dvc25/18/applies", "1", "Applies" },
    { "header/date", "2024-05-24", "24/05/2024" },
    { "meta/period_from", "2024-04-21", "21/04/2024" },
    { "sec/direction/d1/date", "2024-04-22", "22/04/2024" },
    { "header/number", "", "—" },
    { "header/number", NULL, "—" },
    { "header/number", "199", "199" },
    { "sec/next_tasks/p1/level", "0", "Paragraph" },
    { "sec/next_tasks/p1/level", "1", "Bullet" },
    { "sec/next_tasks/p1/level", "+", "Sub-bullet" },
    { "sec/next_tasks/order", "p1,p2,p3", "3 items" },
    { "meta/status", "returned", "Returned" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bc_key_describe_value (f->report, cases[i].key, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_describe_order (Fixture       *f,
                     gconstpointer  data)
{
  /* As the report reads, not as the bytes sort. */
  static const char * const keys[] = {
    "", "meta/unit", "header/supervising_body", "header/number", "header/signer_name",
    "sec/direction/order", "sec/direction/d1/type", "sec/direction/d1/summary", "sec/direction/d2/type",
    "fig/portal_received", "fig/dvctt_total", "fig/vneid_activated", "fig/vneid_activated/den",
    "sec/next_tasks/p2/text", "tbl/dvc25", "tbl/dvc25/2/total", "tbl/dvc25/10/applies", "tbl/dvc25/10/total",
    "tbl/dvc25/10/overdue", "tbl/dvc25/10/note", "tbl/qd422/1/total", "expl/x@header/number",
  };

  for (gsize i = 0; i + 1 < G_N_ELEMENTS (keys); i++)
    {
      if (bc_key_compare (f->report, keys[i], keys[i + 1]) >= 0)
        g_error ("“%s” should come before “%s”", keys[i], keys[i + 1]);
      g_assert_cmpint (bc_key_compare (f->report, keys[i + 1], keys[i]), >, 0);
    }
  g_assert_cmpint (bc_key_compare (f->report, "header/number", "header/number"), ==, 0);
}

static void
test_describe_diff (Fixture       *f,
                    gconstpointer  data)
{
  BcDiff diff = { "tbl/dvc25/18/overdue", "3405", "15", REVIEWER, BC_ROLE_REVIEWER,
                  "2024-05-27T03:30:00.000000Z", 7 };
  BcDiff compared = { "fig/vneid_activated", NULL, "671290", NULL, NULL, NULL, 0 };
  g_autofree char *text = bc_ui_describe_diff (f->report, &diff);
  g_autofree char *compared_text = bc_ui_describe_diff (f->report, &compared);
  g_autofree char *author = bc_ui_describe_author ("Nguyễn Văn An", BC_ROLE_CLERK, NULL);

  g_assert_cmpstr (text, ==, "3.405 → 15\n" REVIEWER " (Reviewer) · 27/05/2024 03:30");
  g_assert_cmpstr (compared_text, ==, "— → 671.290");
  g_assert_cmpstr (author, ==, "Nguyễn Văn An (Clerk)");
  g_assert_cmpstr (bc_ui_role_label ("x"), ==, "");
}

/* Changes by others */

static BcChangesPanel *
changes_panel (Fixture *f)
{
  GtkWidget *panel = bc_changes_panel_new (f->store, f->session);

  show_in_window (f, panel);
  return BC_CHANGES_PANEL (panel);
}

static void
test_changes_list (Fixture       *f,
                   gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  const char * const *keys = bc_changes_panel_get_keys (panel);
  g_autofree char *text = shown_text (GTK_WIDGET (panel));
  const BcDiff *diff;

  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, G_N_ELEMENTS (corrections));
  for (gsize i = 0; i < G_N_ELEMENTS (corrections); i++)
    g_assert_cmpstr (keys[i], ==, corrections[i].key);
  g_assert_null (keys[G_N_ELEMENTS (corrections)]);
  diff = bc_changes_panel_lookup (panel, "tbl/dvc25/18/overdue");
  g_assert_cmpstr (diff->old_value, ==, "3405");
  g_assert_cmpstr (diff->new_value, ==, "15");
  g_assert_cmpstr (diff->actor, ==, REVIEWER);
  g_assert_null (bc_changes_panel_lookup (panel, "header/date"));

  g_assert_nonnull (strstr (text, "Changes by Others"));
  g_assert_nonnull (strstr (text, "4 changes since the report was submitted on "));
  g_assert_null (strstr (text, "No Changes by Others"));
  /* Grouped under the part of the report they are in, not named twice. */
  {
    static const char * const parts[][2] = {
      { "Header", "Number\n" },
      { "1. Công tác chỉ đạo, triển khai", "Document 2 · About\n" },
      { "5. Nhóm phục vụ phát triển công dân số", "Tài khoản định danh điện tử đã kích hoạt\n" },
      { "Phụ lục II", "18. Đăng ký thuế lần đầu, đăng ký thay đổi… · Quá hạn\n" },
    };
    g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW);

    g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (parts));
    for (guint i = 0; i < rows->len; i++)
      {
        GtkWidget *header = gtk_list_box_row_get_header (rows->pdata[i]);
        g_autofree char *row_text = shown_text (rows->pdata[i]);

        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, parts[i][0]);
        g_assert_true (g_str_has_prefix (row_text, parts[i][1]));
      }
  }
  g_assert_nonnull (strstr (text, "3.405  →  15"));
  g_assert_nonnull (strstr (text, "671.290  →  1.234.567"));
  g_assert_nonnull (strstr (text, REVIEWER " (Reviewer) · "));
  assert_accessible (GTK_WIDGET (panel));
}

static void
test_changes_accept (Fixture       *f,
                     gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autoptr(GPtrArray) changes = NULL;
  BcChange *last;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.accept", "s", "tbl/dvc25/18/overdue"));
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 3);
  g_assert_null (bc_changes_panel_lookup (panel, "tbl/dvc25/18/overdue"));
  g_assert_cmpstr (bc_report_get (f->report, "tbl/dvc25/18/overdue"), ==, "15");
  /* Accepting is in the change log, by the clerk. */
  changes = bc_store_list_changes (f->store, f->id, NULL);
  last = changes->pdata[changes->len - 1];
  g_assert_cmpstr (last->key, ==, "tbl/dvc25/18/overdue");
  g_assert_cmpstr (last->actor, ==, "Test Clerk");
  g_assert_cmpstr (last->old_value, ==, "15");
  g_assert_cmpstr (last->new_value, ==, "15");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.accept-all", NULL));
  bc_test_spin ();
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 0);
  g_assert_null (bc_changes_panel_get_keys (panel)[0]);
  {
    g_autofree char *text = shown_text (GTK_WIDGET (panel));
    g_assert_nonnull (strstr (text, "No Changes by Others"));
    g_assert_nonnull (strstr (text, "Nobody else has changed the report since it was submitted."));
  }
  for (gsize i = 0; i < G_N_ELEMENTS (corrections); i++)
    {
      g_autofree char *value = stored (f, corrections[i].key);
      g_assert_cmpstr (value, ==, corrections[i].value);
    }
}

static void
count_signal (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_changes_revert (Fixture       *f,
                     gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autofree char *value = NULL;
  guint notified = 0;

  g_signal_connect (panel, "notify::n-changes", G_CALLBACK (count_signal), &notified);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.revert", "s", "fig/vneid_activated"));
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "671290");
  value = stored (f, "fig/vneid_activated");
  g_assert_cmpstr (value, ==, "671290");
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 3);
  g_assert_cmpuint (notified, >=, 1);

  /* A revert is an edit the clerk can undo; it stays hers. */
  g_assert_true (bc_edit_session_can_undo (f->session));
  g_assert_true (bc_edit_session_undo (f->session));
  g_assert_cmpstr (bc_report_get (f->report, "fig/vneid_activated"), ==, "1234567");
  g_clear_pointer (&value, g_free);
  value = stored (f, "fig/vneid_activated");
  g_assert_cmpstr (value, ==, "1234567");
  bc_changes_panel_refresh (panel);
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.revert-all", NULL));
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 0);
  g_assert_cmpstr (bc_report_get (f->report, "header/number"), ==, "199");
  g_assert_cmpstr (bc_report_get (f->report, "tbl/dvc25/18/overdue"), ==, "3405");
  g_clear_pointer (&value, g_free);
  value = stored (f, "sec/direction/d2/summary");
  g_assert_cmpstr (value, ==, bc_report_get (f->submitted, "sec/direction/d2/summary"));
}

/* Editing a field the reviewer changed settles it: the list follows the saves. */
static void
test_changes_edit (Fixture       *f,
                   gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (bc_edit_session_set (f->session, "header/number", "201", NULL));
  while (bc_changes_panel_get_n_changes (panel) != 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 3);
  g_assert_null (bc_changes_panel_lookup (panel, "header/number"));
}

static void
record_key (GObject     *object,
            const char  *key,
            char       **out)
{
  g_free (*out);
  *out = g_strdup (key);
}

static void
test_changes_activate (Fixture       *f,
                       gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autofree char *key = NULL;

  g_signal_connect (panel, "change-activated", G_CALLBACK (record_key), &key);
  bc_changes_panel_activate_row (panel, 3);
  g_assert_cmpstr (key, ==, "tbl/dvc25/18/overdue");
  bc_changes_panel_activate_row (panel, 0);
  g_assert_cmpstr (key, ==, "header/number");
}

static void
test_changes_compare (Fixture       *f,
                      gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autoptr(GPtrArray) diff = bc_diff_reports (f->submitted, f->report);
  g_autoptr(GPtrArray) none = bc_diff_reports (f->report, f->report);
  GtkWidget *accept_all = find_action_button (GTK_WIDGET (panel), "changes.accept-all");
  g_autofree char *text = NULL;

  bc_changes_panel_show_diff (panel, diff, "Compared with the Submitted Version");
  bc_test_spin ();
  g_assert_true (bc_changes_panel_get_comparing (panel));
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, G_N_ELEMENTS (corrections));
  g_assert_cmpstr (bc_changes_panel_get_keys (panel)[0], ==, "header/number");
  /* Read only: nothing to accept or revert. */
  g_assert_null (find_action_button (GTK_WIDGET (panel), "changes.accept"));
  g_assert_false (gtk_widget_get_mapped (accept_all));
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Compared with the Submitted Version\n4 differences\n"));
  g_assert_nonnull (strstr (text, "199  →  200"));
  g_assert_null (strstr (text, REVIEWER));
  assert_accessible (GTK_WIDGET (panel));

  bc_changes_panel_show_diff (panel, none, "Compared with Itself");
  g_clear_pointer (&text, g_free);
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "No Differences"));

  /* The close button brings back the changes by others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.show-changes", NULL));
  g_assert_false (bc_changes_panel_get_comparing (panel));
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, G_N_ELEMENTS (corrections));
  g_assert_nonnull (find_action_button (GTK_WIDGET (panel), "changes.accept"));
}

static void
test_changes_approved (Fixture       *f,
                       gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  GtkWidget *accept_all = find_action_button (GTK_WIDGET (panel), "changes.accept-all");
  GtkWidget *revert = find_action_button (GTK_WIDGET (panel), "changes.revert");

  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, G_N_ELEMENTS (corrections));
  g_assert_false (gtk_widget_is_sensitive (accept_all));
  g_assert_false (gtk_widget_is_sensitive (revert));
  gtk_widget_activate_action (GTK_WIDGET (panel), "changes.revert-all", NULL);
  g_assert_cmpstr (bc_report_get (f->report, "header/number"), ==, "200");
  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, G_N_ELEMENTS (corrections));
}

static void
test_changes_none (Fixture       *f,
                   gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autofree char *text = shown_text (GTK_WIDGET (panel));

  g_assert_cmpuint (bc_changes_panel_get_n_changes (panel), ==, 0);
  g_assert_nonnull (strstr (text, "No Changes by Others\nNobody else has changed the report.\n"));
  g_assert_false (gtk_widget_get_mapped (find_action_button (GTK_WIDGET (panel), "changes.accept-all")));
}

/* Comments */

static BcCommentsPanel *
comments_panel (Fixture *f)
{
  GtkWidget *panel = bc_comments_panel_new (f->store, f->report);

  show_in_window (f, panel);
  return BC_COMMENTS_PANEL (panel);
}

static void
compose (BcCommentsPanel *panel,
         const char      *text)
{
  g_autoptr(GPtrArray) views = find_all (GTK_WIDGET (panel), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), text, -1);
}

static void
test_comments_add (Fixture       *f,
                   gconstpointer  data)
{
  BcCommentsPanel *panel = comments_panel (f);
  GtkWidget *add = find_action_button (GTK_WIDGET (panel), "comments.add");
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *text = NULL;
  BcComment *comment;

  g_assert_cmpuint (bc_comments_panel_get_n_threads (panel), ==, 0);
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Add a comment on: Whole report\n"));
  g_assert_nonnull (strstr (text, "No Comments"));
  g_assert_false (gtk_widget_is_sensitive (add));

  bc_comments_panel_set_target (panel, "fig/vneid_activated");
  compose (panel, "  ");
  g_assert_false (gtk_widget_is_sensitive (add));
  compose (panel, "Số kích hoạt vượt chỉ tiêu: kiểm tra lại?\n");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  bc_test_spin ();

  comments = bc_store_list_comments (f->store, f->id, NULL, NULL);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = comments->pdata[0];
  g_assert_cmpstr (comment->target, ==, "fig/vneid_activated");
  g_assert_cmpstr (comment->text, ==, "Số kích hoạt vượt chỉ tiêu: kiểm tra lại?");
  g_assert_cmpstr (comment->author, ==, "Test Clerk");
  g_assert_cmpstr (comment->role, ==, BC_ROLE_CLERK);
  g_assert_cmpuint (bc_comments_panel_get_n_open (panel), ==, 1);
  g_assert_cmpstr (bc_comments_panel_get_open_targets (panel)[0], ==, "fig/vneid_activated");
  g_assert_false (gtk_widget_is_sensitive (add));

  g_clear_pointer (&text, g_free);
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Tài khoản định danh điện tử đã kích hoạt\nTest Clerk\nClerk\n"));
  g_assert_nonnull (strstr (text, "Số kích hoạt vượt chỉ tiêu: kiểm tra lại?"));
  g_assert_nonnull (strstr (text, "1 open"));
  assert_accessible (GTK_WIDGET (panel));
}

static void
test_comments_threads (Fixture       *f,
                       gconstpointer  data)
{
  BcCommentsPanel *panel = comments_panel (f);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *text = NULL;
  BcComment *reply;
  gint64 root;

  /* The reviewer's comment travelled with the report. */
  g_assert_cmpuint (bc_comments_panel_get_n_open (panel), ==, 1);
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Phụ lục II · 18. Đăng ký thuế lần đầu, đăng ký thay đổi… · Quá hạn\n"
                                  REVIEWER "\nReviewer\n"));

  /* A comment on the whole report comes first. */
  compose (panel, "Đã sửa theo góp ý.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
  g_assert_cmpuint (bc_comments_panel_get_n_threads (panel), ==, 2);
  g_clear_pointer (&text, g_free);
  text = shown_text (GTK_WIDGET (panel));
  g_assert_true (strstr (text, "\nWhole report\n") < strstr (text, "Phụ lục II · 18."));

  /* Reply to the reviewer: the second reply entry. */
  entries = find_all (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (entries->pdata[1], "Đã sửa thành 15.");
  g_signal_emit_by_name (entries->pdata[1], "activate");
  comments = bc_store_list_comments (f->store, f->id, "tbl/dvc25/18/overdue", NULL);
  g_assert_cmpuint (comments->len, ==, 2);
  root = ((BcComment *) comments->pdata[0])->id;
  reply = comments->pdata[1];
  g_assert_cmpint (reply->parent_id, ==, root);
  g_assert_cmpstr (reply->text, ==, "Đã sửa thành 15.");
  g_assert_cmpstr (reply->author, ==, "Test Clerk");

  /* A reply being typed survives the list being read again. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = find_all (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  gtk_editable_set_text (entries->pdata[0], "Chưa xong");
  bc_comments_panel_refresh (panel);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = find_all (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (entries->pdata[0]), ==, "Chưa xong");

  /* Resolved: collapsed and dimmed, who resolved it shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.resolve", "x", root));
  g_assert_cmpuint (bc_comments_panel_get_n_open (panel), ==, 1);
  {
    g_autoptr(GPtrArray) expanders = find_all (GTK_WIDGET (panel), GTK_TYPE_EXPANDER);
    GtkWidget *summary;

    g_assert_cmpuint (expanders->len, ==, 1);
    g_assert_false (gtk_expander_get_expanded (expanders->pdata[0]));
    summary = gtk_expander_get_label_widget (expanders->pdata[0]);
    g_assert_true (gtk_widget_has_css_class (summary, "dim-label"));
    g_clear_pointer (&text, g_free);
    text = shown_text (summary);
    g_assert_true (g_str_has_prefix (text, "Resolved by Test Clerk · "));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.reopen", "x", root));
  g_assert_cmpuint (bc_comments_panel_get_n_open (panel), ==, 2);
  assert_accessible (GTK_WIDGET (panel));
}

static void
test_comments_target (Fixture       *f,
                      gconstpointer  data)
{
  BcCommentsPanel *panel = comments_panel (f);
  GtkWidget *whole = find_action_button (GTK_WIDGET (panel), "comments.whole-report");
  g_autofree char *text = NULL;

  g_assert_cmpstr (bc_comments_panel_get_target (panel), ==, "");
  g_assert_false (gtk_widget_get_visible (whole));
  bc_comments_panel_set_target (panel, "sec/direction/d2/summary");
  g_assert_cmpstr (bc_comments_panel_get_target (panel), ==, "sec/direction/d2/summary");
  g_assert_true (gtk_widget_get_visible (whole));
  text = shown_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Add a comment on: 1. Công tác chỉ đạo, triển khai · Document 2 · About\n"));

  /* A computed cell takes no comment: its row does. */
  bc_comments_panel_set_target (panel, "tbl/dvc25/18/ratio");
  g_assert_cmpstr (bc_comments_panel_get_target (panel), ==, "tbl/dvc25/18");
  bc_comments_panel_set_target (panel, "nothing/at/all");
  g_assert_cmpstr (bc_comments_panel_get_target (panel), ==, "");
  bc_comments_panel_set_target (panel, "sec/direction");
  g_signal_emit_by_name (whole, "clicked");
  g_assert_cmpstr (bc_comments_panel_get_target (panel), ==, "");
}

static void
test_comments_activate (Fixture       *f,
                        gconstpointer  data)
{
  BcCommentsPanel *panel = comments_panel (f);
  g_autoptr(GPtrArray) headings = find_all (GTK_WIDGET (panel), BC_TYPE_PART_HEADING);
  g_autofree char *key = NULL;

  g_signal_connect (panel, "comment-activated", G_CALLBACK (record_key), &key);
  for (guint i = 0; i < headings->len; i++)
    if (bc_part_heading_get_target (headings->pdata[i]) != NULL)
      {
        g_autoptr(GPtrArray) buttons = find_all (headings->pdata[i], GTK_TYPE_BUTTON);
        g_signal_emit_by_name (buttons->pdata[0], "clicked");
      }
  g_assert_cmpstr (key, ==, "tbl/dvc25/18/overdue");
}

/* Settling one change removes its row; the others stay, the same widgets. */
static void
test_changes_rows_kept (Fixture       *f,
                        gconstpointer  data)
{
  BcChangesPanel *panel = changes_panel (f);
  g_autoptr(GPtrArray) before = find_all (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GPtrArray) after = NULL;
  guint gone = G_MAXUINT;

  g_assert_cmpuint (before->len, ==, 4);
  for (guint i = 0; i < before->len; i++)
    {
      g_object_ref (before->pdata[i]);
      if (g_strcmp0 (bc_changes_panel_get_keys (panel)[i], "tbl/dvc25/18/overdue") == 0)
        gone = i;
    }
  g_assert_cmpuint (gone, <, before->len);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "changes.accept", "s", "tbl/dvc25/18/overdue"));
  after = find_all (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (after->len, ==, before->len - 1);
  for (guint i = 0, j = 0; i < before->len; i++)
    {
      if (i == gone)
        g_assert_null (gtk_widget_get_parent (before->pdata[i]));
      else
        g_assert_true (after->pdata[j++] == before->pdata[i]);
      g_object_unref (before->pdata[i]);
    }
}

/* A reply makes that thread's card again; the other thread's card, and
 * the reply being typed in it, stay as they are. */
static void
test_comments_rows_kept (Fixture       *f,
                         gconstpointer  data)
{
  BcCommentsPanel *panel = comments_panel (f);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *kept;

  compose (panel, "Đã sửa theo góp ý.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "comments.add", NULL));
  entries = find_all (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2);
  kept = g_object_ref (entries->pdata[0]);
  gtk_editable_set_text (GTK_EDITABLE (kept), "Chưa xong");
  gtk_editable_set_text (entries->pdata[1], "Đã sửa thành 15.");
  g_signal_emit_by_name (entries->pdata[1], "activate");
  after = find_all (GTK_WIDGET (panel), GTK_TYPE_ENTRY);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (after->pdata[0] == kept);
  g_assert_true (after->pdata[1] != entries->pdata[1]);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kept)), ==, "Chưa xong");
  g_object_unref (kept);
}

/* Preferences */

static void
count_user_changed (BcPreferencesWindow *window,
                    const char          *name,
                    const char          *role,
                    guint               *count)
{
  (*count)++;
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = bc_ui_settings_new ();
  g_autofree char *account = bc_ui_account_name ();
  BcPreferencesWindow *window;
  guint changed = 0;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "user-role");
  window = BC_PREFERENCES_WINDOW (g_object_ref (bc_preferences_window_new (GTK_WINDOW (f->window), f->store)));
  g_signal_connect (window, "user-changed", G_CALLBACK (count_user_changed), &changed);
  gtk_window_present (GTK_WINDOW (window));
  bc_test_spin ();
  g_assert_cmpstr (bc_preferences_window_get_name (window), ==, account);
  g_assert_cmpstr (bc_preferences_window_get_role (window), ==, BC_ROLE_CLERK);
  assert_accessible (GTK_WIDGET (window));

  bc_preferences_window_set_name (window, "Nguyễn Văn An ");
  {
    g_autofree char *kept = g_settings_get_string (settings, "user-name");
    g_assert_cmpstr (kept, ==, "Nguyễn Văn An");
  }
  g_assert_cmpstr (bc_store_get_actor (f->store), ==, "Nguyễn Văn An");
  g_assert_cmpuint (changed, ==, 1);

  bc_preferences_window_set_role (window, BC_ROLE_REVIEWER);
  {
    g_autofree char *kept = g_settings_get_string (settings, "user-role");
    g_autoptr(BcStore) later = bc_store_open (bc_store_get_path (f->store), NULL);
    g_assert_cmpstr (kept, ==, BC_ROLE_REVIEWER);
    g_assert_cmpstr (bc_store_get_role (f->store), ==, BC_ROLE_REVIEWER);
    /* Stores opened later, an edit session's writer among them, stamp them too. */
    g_assert_cmpstr (bc_store_get_actor (later), ==, "Nguyễn Văn An");
    g_assert_cmpstr (bc_store_get_role (later), ==, BC_ROLE_REVIEWER);
  }
  g_assert_cmpuint (changed, ==, 2);

  /* Set elsewhere: the window follows. */
  g_settings_set_string (settings, "user-name", "Lê Thị Cúc");
  bc_test_spin ();
  g_assert_cmpstr (bc_preferences_window_get_name (window), ==, "Lê Thị Cúc");
  g_assert_cmpstr (bc_store_get_actor (f->store), ==, "Lê Thị Cúc");

  /* No name: the account's. */
  bc_preferences_window_set_name (window, "");
  g_assert_cmpstr (bc_store_get_actor (f->store), ==, account);
  g_assert_cmpstr (bc_preferences_window_get_name (window), ==, account);

  /* Opened again, it shows what was kept. */
  bc_preferences_window_set_name (window, "Nguyễn Văn An");
  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
  g_assert_finalize_object (window);
  window = BC_PREFERENCES_WINDOW (g_object_ref (bc_preferences_window_new (NULL, NULL)));
  g_assert_cmpstr (bc_preferences_window_get_name (window), ==, "Nguyễn Văn An");
  g_assert_cmpstr (bc_preferences_window_get_role (window), ==, BC_ROLE_REVIEWER);
  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
  g_assert_finalize_object (window);

  /* What the app does at start. */
  bc_store_set_actor (f->store, "Test Clerk");
  bc_store_set_role (f->store, BC_ROLE_CLERK);
  bc_ui_load_user (f->store);
  g_assert_cmpstr (bc_store_get_actor (f->store), ==, "Nguyễn Văn An");
  g_assert_cmpstr (bc_store_get_role (f->store), ==, BC_ROLE_REVIEWER);
  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "user-role");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, round, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (round), fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/review-ui/describe/keys", ROUND_NONE, test_describe_keys);
  ADD ("/bc/review-ui/describe/values", ROUND_NONE, test_describe_values);
  ADD ("/bc/review-ui/describe/order", ROUND_NONE, test_describe_order);
  ADD ("/bc/review-ui/describe/diff", ROUND_NONE, test_describe_diff);
  ADD ("/bc/review-ui/changes/list", ROUND_RETURNED, test_changes_list);
  ADD ("/bc/review-ui/changes/accept", ROUND_RETURNED, test_changes_accept);
  ADD ("/bc/review-ui/changes/revert", ROUND_RETURNED, test_changes_revert);
  ADD ("/bc/review-ui/changes/edit", ROUND_RETURNED, test_changes_edit);
  ADD ("/bc/review-ui/changes/activate", ROUND_RETURNED, test_changes_activate);
  ADD ("/bc/review-ui/changes/compare", ROUND_RETURNED, test_changes_compare);
  ADD ("/bc/review-ui/changes/approved", ROUND_APPROVED, test_changes_approved);
  ADD ("/bc/review-ui/changes/none", ROUND_NONE, test_changes_none);
  ADD ("/bc/review-ui/changes/rows-kept", ROUND_RETURNED, test_changes_rows_kept);
  ADD ("/bc/review-ui/comments/add", ROUND_NONE, test_comments_add);
  ADD ("/bc/review-ui/comments/threads", ROUND_RETURNED, test_comments_threads);
  ADD ("/bc/review-ui/comments/target", ROUND_NONE, test_comments_target);
  ADD ("/bc/review-ui/comments/activate", ROUND_RETURNED, test_comments_activate);
  ADD ("/bc/review-ui/comments/rows-kept", ROUND_RETURNED, test_comments_rows_kept);
  ADD ("/bc/review-ui/preferences/user", ROUND_NONE, test_preferences);
#undef ADD
  return g_test_run ();
}
