/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bc-inline.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/**
 * bc_ui_format_period:
 *
 * Returns: (transfer full): "dd/mm/yyyy – dd/mm/yyyy"
 */
char *
bc_ui_format_period (const char *from_iso,
                     const char *to_iso)
{
  g_autofree char *from = bc_date_to_display (from_iso);
  g_autofree char *to = bc_date_to_display (to_iso);

  /* Translators: a reporting period, from the first to the last day */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * bc_ui_format_timestamp:
 * @iso_utc: an ISO 8601 time stamp, as the store writes them
 *
 * Returns: (transfer full): the local date and time, "dd/mm/yyyy HH:MM",
 *   or a copy of @iso_utc when it cannot be read
 */
char *
bc_ui_format_timestamp (const char *iso_utc)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  when = g_date_time_new_from_iso8601 (iso_utc, utc);
  if (when == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/**
 * bc_ui_section_kind_label:
 *
 * Returns: (transfer none): what a section of @kind holds
 */
const char *
bc_ui_section_kind_label (BcSectionKind kind)
{
  switch (kind)
    {
    case BC_SECTION_GROUP:
      return _("Group of sections");
    case BC_SECTION_NARRATIVE:
      return _("Narrative paragraphs");
    case BC_SECTION_DOCUMENTS:
      return _("Directive documents");
    case BC_SECTION_FIGURES:
      return _("Key figures");
    case BC_SECTION_TASKS:
      return _("Tasks");
    case BC_SECTION_FOLLOWUP:
      /* Translators: the kind of a section: the plan's tasks and where each stands */
      return _("Plan follow-up");
    default:
      return "";
    }
}

/**
 * bc_ui_section_kind_icon:
 *
 * Returns: (transfer none): the name of a symbolic icon for @kind
 */
const char *
bc_ui_section_kind_icon (BcSectionKind kind)
{
  switch (kind)
    {
    case BC_SECTION_GROUP:
      return "view-list-symbolic";
    case BC_SECTION_NARRATIVE:
      return "format-justify-left-symbolic";
    case BC_SECTION_DOCUMENTS:
      return "folder-documents-symbolic";
    case BC_SECTION_FIGURES:
      return "x-office-spreadsheet-symbolic";
    case BC_SECTION_TASKS:
    case BC_SECTION_FOLLOWUP:
      return "object-select-symbolic";
    default:
      return "text-x-generic-symbolic";
    }
}

/**
 * bc_ui_settings_new:
 *
 * The settings are used only where the schema is installed: an
 * uninstalled run or a test may have none, and GSettings aborts on a
 * missing schema.
 *
 * Returns: (transfer full) (nullable): the application's settings, or %NULL
 */
GSettings *
bc_ui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * bc_ui_role_label:
 * @role: (nullable): %BC_ROLE_CLERK, %BC_ROLE_REVIEWER, or "" when not recorded
 *
 * Returns: (transfer none): the role as the user reads it; "" when unknown
 */
const char *
bc_ui_role_label (const char *role)
{
  if (g_strcmp0 (role, BC_ROLE_CLERK) == 0)
    /* Translators: the role of the person who writes a report */
    return C_("role", "Clerk");
  if (g_strcmp0 (role, BC_ROLE_REVIEWER) == 0)
    /* Translators: the role of the person who corrects and approves a report */
    return C_("role", "Reviewer");
  return "";
}

/**
 * bc_ui_describe_diff:
 * @diff: a change, from bc_store_list_changes_by_others() or bc_diff_reports()
 *
 * Returns: (transfer full): "Quá hạn: 12 → 15", then who changed it and
 *   when, if known: a tooltip for a changed field
 */
char *
bc_ui_describe_diff (BcReport     *report,
                     const BcDiff *diff)
{
  g_autofree char *old_text = bc_key_describe_value (report, diff->key, diff->old_value);
  g_autofree char *new_text = bc_key_describe_value (report, diff->key, diff->new_value);
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  /* Translators: a value that changed, "old → new" */
  what = g_strdup_printf (_("%s → %s"), old_text, new_text);
  who = bc_ui_describe_author (diff->actor, diff->role, diff->at);
  if (*who == '\0')
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s\n%s", what, who);
}

/**
 * bc_ui_describe_author:
 * @name: (nullable): who
 * @role: (nullable): in which role
 * @at: (nullable): when, as the store writes time stamps
 *
 * Returns: (transfer full): "Trần Thị B (Reviewer) · 24/05/2024 10:30", or
 *   the parts known
 */
char *
bc_ui_describe_author (const char *name,
                       const char *role,
                       const char *at)
{
  g_autoptr(GString) out = g_string_new (name);
  g_autofree char *when = bc_ui_format_timestamp (at);
  const char *role_text = bc_ui_role_label (role);

  if (*role_text != '\0' && out->len > 0)
    g_string_append_printf (out, " (%s)", role_text);
  if (*when != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", when);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * bc_ui_account_name:
 *
 * Returns: (transfer full): the name stamped on changes when the user set
 *   none: the account's full name, else its login (as a new store does)
 */
char *
bc_ui_account_name (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

/**
 * bc_ui_set_user:
 * @store: (nullable): a store already open, e.g. the window's
 * @name: (nullable): the user's name as typed; empty: the account's name
 * @role: (nullable): %BC_ROLE_CLERK or %BC_ROLE_REVIEWER; %NULL: clerk
 *
 * Stamps @name and @role on the changes and comments made from now on,
 * through @store and every store opened later (an edit session's writer
 * opens its own).
 */
void
bc_ui_set_user (BcStore    *store,
                const char *name,
                const char *role)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *account = bc_ui_account_name ();

  g_return_if_fail (store == NULL || BC_IS_STORE (store));

  if (!bc_store_role_is_valid (role))
    role = BC_ROLE_CLERK;
  bc_store_set_default_actor (*stripped ? stripped : NULL, role);
  if (store == NULL)
    return;
  bc_store_set_actor (store, *stripped ? stripped : account);
  bc_store_set_role (store, role);
}

/**
 * bc_ui_load_user:
 * @store: (nullable): a store already open
 *
 * Applies the name and role saved in the preferences (bc_ui_set_user());
 * nothing when there are no settings.
 */
void
bc_ui_load_user (BcStore *store)
{
  g_autoptr(GSettings) settings = bc_ui_settings_new ();
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (settings == NULL)
    return;
  name = g_settings_get_string (settings, "user-name");
  role = g_settings_get_string (settings, "user-role");
  bc_ui_set_user (store, name, role);
}

/**
 * bc_ui_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Sets @widget's tooltip when it differs. GTK asks the display server
 * where the pointer is each time a tooltip is set on a visible widget:
 * a round trip that, repeated over the cells of a table, costs more than
 * building them.
 */
void
bc_ui_set_tooltip (GtkWidget  *widget,
                   const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  /* Called at every opening: the menu is made the first time only. */
  if (gtk_menu_button_get_menu_model (button) != user_data)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/**
 * bc_ui_set_menu_lazily:
 *
 * Gives @button the menu @model, built when it is first opened: a menu
 * builds all its items as soon as it is set, and a window has three.
 */
void
bc_ui_set_menu_lazily (GtkMenuButton *button,
                       GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_cb,
                                         g_object_ref (model), g_object_unref);
}

/**
 * bc_ui_toast:
 * @widget: a widget inside a toast overlay
 *
 * Shows @message in the toast overlay @widget is in; logs it when there
 * is none (a widget tested alone).
 */
void
bc_ui_toast (GtkWidget  *widget,
             const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

/**
 * bc_ui_part_label_new:
 * @title: the heading of a part of the report
 *
 * Returns: (transfer floating): the header a side panel's list puts above
 *   the rows of one part
 */
GtkWidget *
bc_ui_part_label_new (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/**
 * bc_ui_list_store_update:
 * @store: the items shown
 * @values: what is to be shown now, in order
 * @keep: whether an item may stay to show a value (it may take the value)
 * @make: a new item for a value
 *
 * Makes @store show @values, changing only what changed: the items that
 * still show the values at both ends stay, with their rows (and what is
 * typed and focused in them); the middle is spliced once. A refresh
 * usually finds one thing more, less or different.
 */
void
bc_ui_list_store_update (GListStore   *store,
                         GPtrArray    *values,
                         BcUiKeepFunc  keep,
                         BcUiMakeFunc  make,
                         gpointer      user_data)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  guint m = values->len;
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (; head < MIN (n, m); head++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, head);
      if (!keep (item, values->pdata[head], user_data))
        break;
    }
  for (; tail < MIN (n, m) - head; tail++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n - 1 - tail);
      if (!keep (item, values->pdata[m - 1 - tail], user_data))
        break;
    }
  for (guint i = head; i < m - tail; i++)
    g_ptr_array_add (added, make (values->pdata[i], user_data));
  if (n - head - tail > 0 || added->len > 0)
    g_list_store_splice (store, head, n - head - tail, added->pdata, added->len);
}

/**
 * bc_ui_label_set_inline:
 * @text: a paragraph's or a task's words, with "**bold**" and "*italic*"
 *
 * Shows @text in @label with its emphasis as emphasis, never its stars.
 */
void
bc_ui_label_set_inline (GtkLabel   *label,
                        const char *text)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);

  g_return_if_fail (GTK_IS_LABEL (label));

  plain = bc_inline_parse (text ? text : "", &spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const BcInlineSpan *span = &g_array_index (spans, BcInlineSpan, i);
      g_autofree char *piece = g_markup_escape_text (plain + span->start, span->end - span->start);

      g_string_append_printf (markup, "%s%s%s%s%s", span->bold ? "<b>" : "", span->italic ? "<i>" : "", piece,
                              span->italic ? "</i>" : "", span->bold ? "</b>" : "");
    }
  gtk_label_set_markup (label, markup->str);
}
