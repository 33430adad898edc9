/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "bc-new-report-dialog.h"
#include "bc-office-form.h"
#include "bc-preferences-window.h"
#include "bc-report.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-window.h"

/* The office profile seen from the window: the first-run page, New Report
 * and Preferences. */

typedef struct
{
  char      *dir;
  BcStore   *store;
  GPtrArray *templates;
  BcWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->templates = bc_test_load_templates ();
}

static void
show_window (Fixture *f)
{
  /* GTK owns toplevels: hold a reference of our own to check finalization. */
  f->window = g_object_ref (bc_window_new (NULL, f->store, f->templates));
  gtk_window_present (GTK_WINDOW (f->window));
  bc_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      bc_test_spin ();
      g_assert_finalize_object (f->window);
    }
  g_ptr_array_unref (f->templates);
  g_assert_finalize_object (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcTemplate *
find_template (Fixture    *f,
               const char *id)
{
  for (guint i = 0; i < f->templates->len; i++)
    if (g_str_equal (bc_template_get_id (f->templates->pdata[i]), id))
      return f->templates->pdata[i];
  g_assert_not_reached ();
}

/* Another office of the same province, with every field of its own. */
static BcOffice *
add_city_office (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BcOffice *office = bc_office_new ("Phan Rang - Tháp Chàm", "thành phố", &error);

  g_assert_no_error (error);
  g_assert_true (bc_office_set (office, "supervising_body", "UBND THÀNH PHỐ PHAN RANG - THÁP CHÀM", NULL));
  g_assert_true (bc_office_set (office, "place", "Phan Rang - Tháp Chàm", NULL));
  g_assert_true (bc_office_set (office, "signer_title", "CHỦ TỊCH UBND THÀNH PHỐ", NULL));
  g_assert_true (bc_office_set (office, "signer_name", "Người Ký Thành Phố", NULL));
  g_assert_true (bc_office_set (office, "cc", "Thường trực Thành ủy\nLưu: VT, CATP", NULL));
  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_no_error (error);
  return office;
}

static BcOffice *
add_district_office (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BcOffice *office = bc_office_new ("Ninh Hải", "huyện", &error);

  g_assert_no_error (error);
  g_assert_true (bc_office_set (office, "supervising_body", "UBND HUYỆN NINH HẢI", NULL));
  g_assert_true (bc_office_set (office, "signer_name", "Trần Văn Bình", NULL));
  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_no_error (error);
  return office;
}

static void
test_first_run_empty (Fixture       *f,
                      gconstpointer  user_data)
{
  show_window (f);
  g_assert_true (bc_window_is_setup_shown (f->window));
  g_assert_false (bc_window_is_empty_shown (f->window));
}

/* A library with a profile, or with reports made before profiles, opens
 * on its list; New Report in the latter asks for the profile first. A
 * district's office with nothing written yet owes last month's report
 * (whatever today is, it ended within a month): "To Do" says so above
 * "No Reports Yet", and offers to make it. */
static void
test_first_run_not_again (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(BcOffice) office = add_district_office (f);
  GtkListBox *due;
  GtkListBoxRow *row;

  show_window (f);
  g_assert_false (bc_window_is_setup_shown (f->window));
  g_assert_true (bc_window_is_empty_shown (f->window));
  due = bc_library_view_get_due_list (bc_window_get_library_view (f->window));
  g_assert_nonnull (due);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (due)));
  row = gtk_list_box_get_row_at_index (due, 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Huyện Ninh Hải · "));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not started · due "));
  g_assert_true (gtk_list_box_row_get_activatable (row));
}

static void
test_first_run_old_library (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, find_template (f, "district-monthly"),
                                                       "Huyện Ninh Hải", "2024-05-15", "2024-06-14", &error);

  g_assert_no_error (error);
  show_window (f);
  g_assert_false (bc_window_is_setup_shown (f->window));
  g_assert_cmpuint (bc_window_get_n_reports (f->window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-report", NULL);
  g_assert_true (bc_window_is_setup_shown (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.skip-setup", NULL);
  g_assert_false (bc_window_is_setup_shown (f->window));
}

static void
assert_no_profile (Fixture *f)
{
  g_autoptr(GPtrArray) offices = bc_store_list_offices (f->store, NULL);

  g_assert_cmpuint (offices->len, ==, 0);
}

/* What the clerk types once: the unit as named, the rest follows. */
static void
test_first_run_saves (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *supervising = NULL;
  g_autofree char *place = NULL;
  BcOfficeForm *form;
  BcOffice *saved;

  show_window (f);
  form = bc_window_get_setup_form (f->window);

  /* Nothing typed: refused, said, nothing stored. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-office", NULL);
  g_assert_nonnull (bc_office_form_get_error (form));
  g_assert_true (bc_window_is_setup_shown (f->window));
  assert_no_profile (f);

  bc_office_form_set_text (form, "unit", "Huyện Ninh Hải");
  g_assert_null (bc_office_form_get_error (form));
  kind = bc_office_form_dup_text (form, "unit_kind");
  supervising = bc_office_form_dup_text (form, "supervising_body");
  place = bc_office_form_dup_text (form, "place");
  g_assert_cmpstr (kind, ==, "huyện");
  g_assert_cmpstr (supervising, ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (place, ==, "Ninh Hải");

  /* A line with a line break in it is refused with the field's name. */
  bc_office_form_set_text (form, "signer_name", "Trần\tVăn Bình");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-office", NULL);
  g_assert_nonnull (bc_office_form_get_error (form));
  g_assert_nonnull (strstr (bc_office_form_get_error (form), bc_office_field_label ("signer_name")));
  assert_no_profile (f);

  bc_office_form_set_text (form, "signer_name", "Trần Văn Bình");
  bc_office_form_set_text (form, "cc", "Như trên;\n  Lưu: VT.  \n\n");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-office", NULL);
  g_assert_null (bc_office_form_get_error (form));
  g_assert_false (bc_window_is_setup_shown (f->window));
  g_assert_true (bc_window_is_empty_shown (f->window));

  offices = bc_store_list_offices (f->store, NULL);
  g_assert_cmpuint (offices->len, ==, 1);
  saved = offices->pdata[0];
  g_assert_cmpstr (bc_office_get (saved, "unit"), ==, "Ninh Hải");
  g_assert_cmpstr (bc_office_get (saved, "unit_kind"), ==, "huyện");
  g_assert_cmpstr (bc_office_get (saved, "supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (bc_office_get (saved, "place"), ==, "Ninh Hải");
  g_assert_cmpstr (bc_office_get (saved, "signer_name"), ==, "Trần Văn Bình");
  g_assert_cmpstr (bc_office_get (saved, "cc"), ==, "Như trên;\nLưu: VT.");
}

/* Choosing another kind renames the unit typed, and what follows it; a
 * field the clerk wrote is left alone. */
static void
test_form_follows_unit (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *unit = NULL;
  g_autofree char *supervising = NULL;
  g_autofree char *issuing = NULL;
  BcOfficeForm *form;

  show_window (f);
  form = bc_window_get_setup_form (f->window);
  bc_office_form_set_text (form, "unit", "Huyện Ninh Hải");
  bc_office_form_set_text (form, "issuing_body", "TỔ CÔNG TÁC ĐỀ ÁN 06");
  bc_office_form_set_text (form, "unit_kind", "thị xã");
  unit = bc_office_form_dup_text (form, "unit");
  supervising = bc_office_form_dup_text (form, "supervising_body");
  issuing = bc_office_form_dup_text (form, "issuing_body");
  g_assert_cmpstr (unit, ==, "Thị xã Ninh Hải");
  g_assert_cmpstr (supervising, ==, "UBND THỊ XÃ NINH HẢI");
  g_assert_cmpstr (issuing, ==, "TỔ CÔNG TÁC ĐỀ ÁN 06");
}

/* An office typed where its unit was asked: the unit and its kind are
 * read from it, the form says so under the field, and the office is the
 * issuing body; the People's Committee is not (it is the supervising one). */
static void
assert_text (BcOfficeForm *form,
             const char   *field,
             const char   *expected)
{
  g_autofree char *text = bc_office_form_dup_text (form, field);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_form_office_typed (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *kind = NULL;
  g_autofree char *issuing = NULL;
  g_autofree char *kind2 = NULL;
  g_autofree char *issuing2 = NULL;
  g_autoptr(BcOffice) saved = NULL;
  g_autoptr(GError) error = NULL;
  BcOfficeForm *form;

  show_window (f);
  form = bc_window_get_setup_form (f->window);
  bc_office_form_set_text (form, "unit", "Công an huyện Mường Lát");
  kind = bc_office_form_dup_text (form, "unit_kind");
  issuing = bc_office_form_dup_text (form, "issuing_body");
  g_assert_cmpstr (kind, ==, "huyện");
  g_assert_cmpstr (issuing, ==, "CÔNG AN HUYỆN MƯỜNG LÁT");
  g_assert_nonnull (bc_office_form_get_unit_note (form));
  g_assert_nonnull (strstr (bc_office_form_get_unit_note (form), "Huyện Mường Lát"));
  /* A district's police answers to the province's, never to the UBND
   * of its district; the note asks for the province. */
  assert_text (form, "supervising_body", "CÔNG AN TỈNH");
  g_assert_nonnull (strstr (bc_office_form_get_unit_note (form), "“CÔNG AN TỈNH”"));
  saved = bc_office_form_dup_office (form, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_office_get (saved, "unit"), ==, "Mường Lát");
  g_assert_cmpstr (bc_office_get (saved, "unit_kind"), ==, "huyện");

  bc_office_form_set_text (form, "unit", "UBND tỉnh Kon Tum");
  kind2 = bc_office_form_dup_text (form, "unit_kind");
  issuing2 = bc_office_form_dup_text (form, "issuing_body");
  g_assert_cmpstr (kind2, ==, "tỉnh");
  g_assert_cmpstr (issuing2, ==, "");
  g_assert_nonnull (strstr (bc_office_form_get_unit_note (form), "Tỉnh Kon Tum"));
  assert_text (form, "supervising_body", "UBND TỈNH KON TUM");
  bc_office_form_set_text (form, "unit", "Công an tỉnh Kon Tum");
  assert_text (form, "supervising_body", "BỘ CÔNG AN");
  g_assert_null (strstr (bc_office_form_get_unit_note (form), "“CÔNG AN TỈNH”"));

  /* A body of the People's Committee: named without the unit its
   * supervising body names. */
  bc_office_form_set_text (form, "unit", "Ban Chỉ đạo Đề án 06 tỉnh Kon Tum");
  assert_text (form, "issuing_body", "BAN CHỈ ĐẠO ĐỀ ÁN 06");
  assert_text (form, "supervising_body", "UBND TỈNH KON TUM");

  /* The unit typed alone, then the police as the issuing body. */
  bc_office_form_set_text (form, "unit", "Huyện Krông Búk");
  assert_text (form, "supervising_body", "UBND HUYỆN KRÔNG BÚK");
  bc_office_form_set_text (form, "issuing_body", "CÔNG AN HUYỆN KRÔNG BÚK");
  assert_text (form, "supervising_body", "CÔNG AN TỈNH");
  bc_office_form_set_text (form, "supervising_body", "CÔNG AN TỈNH ĐẮK LẮK");
  bc_office_form_set_text (form, "unit", "Huyện Krông Buk");
  assert_text (form, "supervising_body", "CÔNG AN TỈNH ĐẮK LẮK");

  bc_office_form_set_text (form, "unit", "Huyện Mường Lát");
  g_assert_null (bc_office_form_get_unit_note (form));
}

static void
created_cb (BcNewReportDialog *dialog,
            gint64             id,
            gint64            *out)
{
  *out = id;
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

static gboolean
is_foreign (const char *text)
{
  static const char * const names[] = {
    "PHAN RANG", "Phan Rang", "THÁP CHÀM", "Tháp Chàm", "THÀNH PHỐ", "thành phố", "Thành phố",
    "Thành ủy", "CATP", "Người Ký Thành Phố", "Bà Rịa", "BÀ RỊA", "{", NULL
  };

  for (guint i = 0; names[i]; i++)
    if (strstr (text, names[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* New Report, in a library that also keeps another office: the report
 * made for Ninh Hải has no trace of it. */
static void
test_new_report_for_office (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autoptr(BcOffice) city = add_city_office (f);
  g_autoptr(BcOffice) district = add_district_office (f);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autoptr(BcReport) last = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  const char *key, *value;
  GtkWidget *dialog;
  gint64 id = 0;

  /* The city wrote last: the dialog offers it first. */
  last = bc_store_create_report_for_office (f->store, find_template (f, "district-monthly"), city,
                                            "2024-04-15", "2024-05-14", &error);
  g_assert_no_error (error);
  show_window (f);
  dialog = bc_window_new_report (f->window);
  g_assert_cmpint (bc_office_get_id (bc_new_report_dialog_get_office (BC_NEW_REPORT_DIALOG (dialog))), ==,
                   bc_office_get_id (city));

  /* Ninh Hải, chosen as the clerk does: its district template follows. */
  find_widgets (dialog, ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 2);
  for (guint i = 0; bc_office_get_id (bc_new_report_dialog_get_office (BC_NEW_REPORT_DIALOG (dialog)))
                    != bc_office_get_id (district); i++)
    {
      g_assert_cmpuint (i, <, 2);
      adw_combo_row_set_selected (combos->pdata[0], i);
    }
  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  gtk_widget_activate_action (dialog, "dialog.create", NULL);
  bc_test_spin ();
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (bc_window_get_open_report_id (f->window), ==, id);

  report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_template_get_id (bc_report_get_template (report)), ==, "district-monthly");
  g_assert_cmpstr (bc_report_get_unit (report), ==, "Huyện Ninh Hải");
  g_assert_cmpstr (bc_report_get (report, "meta/office"), ==, bc_office_get_uuid (district));
  g_assert_cmpstr (bc_report_get (report, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (bc_report_get (report, "header/signer_name"), ==, "Trần Văn Bình");
  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (g_str_has_prefix (key, "header/") || g_str_has_prefix (key, "meta/"))
      {
        if (is_foreign (value))
          g_error ("%s holds another office's words: %s", key, value);
      }
}

/* Preferences: the profile edited in its page; the report already made
 * for it keeps its header; deleting the profile leaves the report alone. */
static void
test_preferences_edit (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autoptr(BcOffice) district = add_district_office (f);
  g_autoptr(BcReport) before = NULL;
  g_autoptr(BcReport) after = NULL;
  g_autoptr(BcOffice) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) listed = NULL;
  g_autofree char *unit = NULL;
  g_autoptr(GPtrArray) remaining = NULL;
  BcPreferencesWindow *preferences;
  AdwMessageDialog *confirm;
  BcOfficeForm *form;
  GListModel *offices;

  before = bc_store_create_report_for_office (f->store, find_template (f, "district-monthly"), district,
                                              "2024-05-15", "2024-06-14", &error);
  g_assert_no_error (error);
  preferences = g_object_ref_sink (BC_PREFERENCES_WINDOW (bc_preferences_window_new (NULL, f->store)));
  gtk_window_present (GTK_WINDOW (preferences));
  offices = bc_preferences_window_get_offices (preferences);
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 1);

  form = bc_preferences_window_edit_office (preferences, bc_office_get_id (district));
  g_assert_nonnull (form);
  unit = bc_office_form_dup_text (form, "unit");
  g_assert_cmpstr (unit, ==, "Huyện Ninh Hải");
  bc_office_form_set_text (form, "unit", "Thị xã Ninh Hải");
  bc_office_form_set_text (form, "signer_name", "Lê Thị Cúc");
  bc_office_form_set_text (form, "signer_authority", "KT.");
  gtk_widget_activate_action (GTK_WIDGET (form), "prefs.save-office", NULL);
  bc_test_spin ();

  edited = bc_store_get_office (f->store, bc_office_get_id (district), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_office_get_uuid (edited), ==, bc_office_get_uuid (district));
  g_assert_cmpstr (bc_office_get (edited, "unit_kind"), ==, "thị xã");
  g_assert_cmpstr (bc_office_get (edited, "supervising_body"), ==, "UBND THỊ XÃ NINH HẢI");
  g_assert_cmpstr (bc_office_get (edited, "signer_name"), ==, "Lê Thị Cúc");
  g_assert_cmpstr (bc_office_get (edited, "signer_authority"), ==, "KT.");
  listed = g_list_model_get_item (offices, 0);
  g_assert_cmpstr (bc_office_get (listed, "signer_name"), ==, "Lê Thị Cúc");

  after = bc_store_open_report (f->store, bc_report_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_unit (after), ==, "Huyện Ninh Hải");
  g_assert_cmpstr (bc_report_get (after, "header/supervising_body"), ==, "UBND HUYỆN NINH HẢI");
  g_assert_cmpstr (bc_report_get (after, "header/signer_name"), ==, "Trần Văn Bình");

  /* Deleting asks first, saying what becomes of the reports. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.delete-office", "x",
                                             bc_office_get_id (district)));
  confirm = bc_test_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "header"));
  bc_test_answer_dialog (confirm, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 0);
  g_clear_pointer (&remaining, g_ptr_array_unref);
  remaining = bc_store_list_offices (f->store, NULL);
  g_assert_cmpuint (remaining->len, ==, 0);
  g_clear_object (&after);
  after = bc_store_open_report (f->store, bc_report_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (after, "header/signer_name"), ==, "Trần Văn Bình");

  gtk_window_destroy (GTK_WINDOW (preferences));
  bc_test_spin ();
  g_assert_finalize_object (preferences);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/bc/ui/office/first-run/empty", Fixture, NULL, fixture_set_up, test_first_run_empty,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/first-run/not-again", Fixture, NULL, fixture_set_up, test_first_run_not_again,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/first-run/old-library", Fixture, NULL, fixture_set_up, test_first_run_old_library,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/first-run/saves", Fixture, NULL, fixture_set_up, test_first_run_saves,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/form/follows-unit", Fixture, NULL, fixture_set_up, test_form_follows_unit,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/form/office-typed", Fixture, NULL, fixture_set_up, test_form_office_typed,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/new-report", Fixture, NULL, fixture_set_up, test_new_report_for_office,
              fixture_tear_down);
  g_test_add ("/bc/ui/office/preferences/edit", Fixture, NULL, fixture_set_up, test_preferences_edit,
              fixture_tear_down);

  return g_test_run ();
}
