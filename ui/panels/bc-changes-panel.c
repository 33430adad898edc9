/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-changes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-change-row.h"
#include "bc-changes-panel.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-ui-utils.h"

/* What others changed in a report since it was last submitted — the
 * reviewer's corrections — each to be accepted or reverted; or, read
 * only, how two versions or two periods of a report differ. */

struct _BcChangesPanel
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkWidget     *back_button;
  GtkWidget     *all_box;
  GtkStack      *stack;
  GtkLabel      *empty_title;
  GtkLabel      *empty_description;
  GtkListBox    *list;

  /* owned */
  BcStore       *store;
  BcEditSession *session;
  GListStore    *items;      /* BcChangeItem, one per diff */
  GPtrArray     *diffs;      /* BcDiff, in report order */
  GHashTable    *by_key;     /* key -> BcDiff, borrowed from diffs */
  GStrv          keys;
  gboolean       comparing;
};

G_DEFINE_FINAL_TYPE (BcChangesPanel, bc_changes_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_CHANGES,
  PROP_COMPARING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGE_ACTIVATED,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BcReport *
get_report (BcChangesPanel *self)
{
  return bc_edit_session_get_report (self->session);
}

static int
compare_diffs (gconstpointer a,
               gconstpointer b,
               gpointer      report)
{
  return bc_key_compare (report, (*(BcDiff * const *) a)->key, (*(BcDiff * const *) b)->key);
}

static gboolean
same_diffs (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const BcDiff *x = a->pdata[i], *y = b->pdata[i];

      if (g_strcmp0 (x->key, y->key) != 0 || g_strcmp0 (x->old_value, y->old_value) != 0
          || g_strcmp0 (x->new_value, y->new_value) != 0 || x->change_id != y->change_id
          || g_strcmp0 (x->actor, y->actor) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       data)
{
  const char *title = bc_change_item_get_part (bc_change_row_get_item (BC_CHANGE_ROW (row)));
  const char *previous = before ? bc_change_item_get_part (bc_change_row_get_item (BC_CHANGE_ROW (before))) : NULL;

  if (previous != NULL && g_strcmp0 (title, previous) == 0)
    gtk_list_box_row_set_header (row, NULL);
  else
    gtk_list_box_row_set_header (row, bc_ui_part_label_new (title));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return bc_change_row_new (item);
}

static gboolean
keep_item (gpointer item,
           gpointer diff,
           gpointer user_data)
{
  BcChangesPanel *self = user_data;

  return bc_change_item_shows (item, diff, self->comparing);
}

static gpointer
make_item (gpointer diff,
           gpointer user_data)
{
  BcChangesPanel *self = user_data;

  return bc_change_item_new (get_report (self), diff, self->comparing);
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  BcChangesPanel *self)
{
  const BcDiff *diff = bc_change_item_get_diff (bc_change_row_get_item (BC_CHANGE_ROW (row)));

  g_signal_emit (self, signals[CHANGE_ACTIVATED], 0, diff->key);
}

static void
update_actions (BcChangesPanel *self)
{
  gboolean approved = g_str_equal (bc_report_get_status (get_report (self)), "approved");
  gboolean enabled = !self->comparing && !approved && self->diffs != NULL && self->diffs->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.accept", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.revert", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.accept-all", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.revert-all", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.show-changes", self->comparing);
}

/* When the report was last submitted, local time; NULL if never. */
static char *
submitted_at (BcChangesPanel *self)
{
  g_autoptr(GPtrArray) log = bc_store_list_status_log (self->store, bc_report_get_id (get_report (self)), NULL);
  const char *at = NULL;

  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      const BcStatusChange *change = log->pdata[i];
      if (g_strcmp0 (change->to_status, "submitted") == 0)
        at = change->at;
    }
  return at ? bc_ui_format_timestamp (at) : NULL;
}

static void
update_labels (BcChangesPanel *self,
               const char     *title)
{
  guint n = self->diffs->len;
  g_autofree char *subtitle = NULL;

  gtk_label_set_text (self->title_label, title);
  if (self->comparing)
    {
      subtitle = g_strdup_printf (ngettext ("%u difference", "%u differences", n), n);
      gtk_label_set_text (self->empty_title, _("No Differences"));
      gtk_label_set_text (self->empty_description, _("Both versions hold the same values."));
    }
  else
    {
      g_autofree char *since = submitted_at (self);

      if (since != NULL)
        subtitle = g_strdup_printf (ngettext ("%u change since the report was submitted on %s",
                                              "%u changes since the report was submitted on %s", n), n, since);
      else
        subtitle = g_strdup_printf (ngettext ("%u change", "%u changes", n), n);
      gtk_label_set_text (self->empty_title, _("No Changes by Others"));
      gtk_label_set_text (self->empty_description,
                                       since ? _("Nobody else has changed the report since it was submitted.")
                                             : _("Nobody else has changed the report."));
    }
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), n > 0 || self->comparing);
  gtk_widget_set_visible (self->back_button, self->comparing);
  gtk_widget_set_visible (self->all_box, !self->comparing && n > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Shows @diffs (taken); only the rows of diffs new or gone change. */
static void
show (BcChangesPanel *self,
      GPtrArray      *diffs,
      gboolean        comparing,
      const char     *title)
{
  guint old_n = self->diffs ? self->diffs->len : 0;
  gboolean old_comparing = self->comparing;

  g_ptr_array_sort_with_data (diffs, compare_diffs, get_report (self));
  if (comparing == self->comparing && same_diffs (self->diffs, diffs))
    {
      g_ptr_array_unref (diffs);
      update_labels (self, title);
      update_actions (self);
      return;
    }
  g_clear_pointer (&self->diffs, g_ptr_array_unref);
  self->diffs = diffs;
  self->comparing = comparing;
  g_hash_table_remove_all (self->by_key);
  g_strfreev (self->keys);
  self->keys = g_new0 (char *, diffs->len + 1);
  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *diff = diffs->pdata[i];
      self->keys[i] = g_strdup (diff->key);
      g_hash_table_insert (self->by_key, diff->key, diff);
    }

  bc_ui_list_store_update (self->items, diffs, keep_item, make_item, self);
  update_labels (self, title);
  update_actions (self);

  if (old_n != diffs->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGES]);
  if (old_comparing != comparing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
  g_signal_emit (self, signals[UPDATED], 0);
}

static GPtrArray *
diffs_for_action (BcChangesPanel *self,
                  const char     *action_name,
                  GVariant       *parameter)
{
  GPtrArray *diffs = g_ptr_array_new ();

  if (parameter == NULL)
    {
      for (guint i = 0; i < self->diffs->len; i++)
        g_ptr_array_add (diffs, self->diffs->pdata[i]);
    }
  else
    {
      BcDiff *diff = g_hash_table_lookup (self->by_key, g_variant_get_string (parameter, NULL));
      if (diff != NULL)
        g_ptr_array_add (diffs, diff);
    }
  return diffs;
}

/* Accepting is recorded at once; a revert is an edit of the session, so
 * that the clerk can undo it, and is saved before the list is read again. */
static void
settle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcChangesPanel *self = BC_CHANGES_PANEL (widget);
  g_autoptr(GPtrArray) diffs = diffs_for_action (self, action_name, parameter);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (diffs->len == 0)
    return;
  /* "Others" are everyone but the store's actor: settling must be hers. */
  bc_edit_session_set_actor (self->session, bc_store_get_actor (self->store), bc_store_get_role (self->store));
  if (g_str_has_prefix (action_name, "changes.accept"))
    ok = bc_edit_session_accept (self->session, diffs, &error);
  else
    ok = bc_edit_session_revert (self->session, diffs, &error)
         && bc_edit_session_flush (self->session, &error);
  g_clear_pointer (&diffs, g_ptr_array_unref);
  if (!ok)
    bc_ui_toast (GTK_WIDGET (self), error->message);
  bc_changes_panel_refresh (self);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bc_changes_panel_refresh (BC_CHANGES_PANEL (widget));
}

/* Others' changes drop out of the list once the clerk edits them again. */
static void
saved_cb (BcEditSession  *session,
          guint64         serial,
          BcChangesPanel *self)
{
  if (!self->comparing)
    bc_changes_panel_refresh (self);
}

/* Submitting again starts a new round of review. */
static void
status_changed_cb (BcReport       *report,
                   const char     *key,
                   BcChangesPanel *self)
{
  if (self->comparing)
    update_actions (self);
  else
    bc_changes_panel_refresh (self);
}

static void
bc_changes_panel_dispose (GObject *object)
{
  BcChangesPanel *self = BC_CHANGES_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_CHANGES_PANEL);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bc_changes_panel_parent_class)->dispose (object);
}

static void
bc_changes_panel_finalize (GObject *object)
{
  BcChangesPanel *self = BC_CHANGES_PANEL (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->diffs, g_ptr_array_unref);
  g_strfreev (self->keys);
  G_OBJECT_CLASS (bc_changes_panel_parent_class)->finalize (object);
}

static void
bc_changes_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BcChangesPanel *self = BC_CHANGES_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_CHANGES:
      g_value_set_uint (value, bc_changes_panel_get_n_changes (self));
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_changes_panel_class_init (BcChangesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_changes_panel_dispose;
  object_class->finalize = bc_changes_panel_finalize;
  object_class->get_property = bc_changes_panel_get_property;

  properties[PROP_N_CHANGES] =
    g_param_spec_uint ("n-changes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcChangesPanel::change-activated:
   * @key: the value key of the change chosen
   */
  signals[CHANGE_ACTIVATED] =
    g_signal_new ("change-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * BcChangesPanel::updated:
   *
   * The changes listed are new: read bc_changes_panel_get_keys() again.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-changes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, all_box);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, empty_title);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, empty_description);
  gtk_widget_class_bind_template_child (widget_class, BcChangesPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "changes.accept", "s", settle_action);
  gtk_widget_class_install_action (widget_class, "changes.revert", "s", settle_action);
  gtk_widget_class_install_action (widget_class, "changes.accept-all", NULL, settle_action);
  gtk_widget_class_install_action (widget_class, "changes.revert-all", NULL, settle_action);
  gtk_widget_class_install_action (widget_class, "changes.show-changes", NULL, show_changes_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bc_changes_panel_init (BcChangesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->keys = g_new0 (char *, 1);
  gtk_list_box_set_header_func (self->list, header_cb, NULL, NULL);
  self->items = g_list_store_new (BC_TYPE_CHANGE_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, self, NULL);
}

/**
 * bc_changes_panel_new:
 * @store: the library the report is in, with the user as its actor
 * @session: the editing session of the open report
 *
 * Returns: (transfer floating): a panel listing what others changed since
 *   the report was last submitted
 */
GtkWidget *
bc_changes_panel_new (BcStore       *store,
                      BcEditSession *session)
{
  BcChangesPanel *self;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_EDIT_SESSION (session), NULL);

  self = g_object_new (BC_TYPE_CHANGES_PANEL, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "saved", G_CALLBACK (saved_cb), self, 0);
  g_signal_connect_object (bc_edit_session_get_report (session), "value-changed::meta/status",
                           G_CALLBACK (status_changed_cb), self, 0);
  bc_changes_panel_refresh (self);
  return GTK_WIDGET (self);
}

/**
 * bc_changes_panel_refresh:
 *
 * Reads again what others changed since the report was last submitted
 * (from its start if it never was), and shows it.
 */
void
bc_changes_panel_refresh (BcChangesPanel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id, after;
  GPtrArray *diffs;

  g_return_if_fail (BC_IS_CHANGES_PANEL (self));

  id = bc_report_get_id (get_report (self));
  after = bc_store_find_status_change (self->store, id, "submitted");
  diffs = bc_store_list_changes_by_others (self->store, id, after, &error);
  if (diffs == NULL)
    {
      bc_ui_toast (GTK_WIDGET (self), error->message);
      diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
    }
  show (self, diffs, FALSE, _("Changes by Others"));
}

/**
 * bc_changes_panel_show_diff:
 * @diff_entries: (element-type BcDiff): how two reports differ, from
 *   bc_diff_reports(); copied
 * @title: what is compared, e.g. "Compared with May 2024"
 *
 * Lists @diff_entries, read only, until bc_changes_panel_refresh() or
 * the close button brings back the changes by others.
 */
void
bc_changes_panel_show_diff (BcChangesPanel *self,
                            GPtrArray      *diff_entries,
                            const char     *title)
{
  GPtrArray *copy;

  g_return_if_fail (BC_IS_CHANGES_PANEL (self));
  g_return_if_fail (diff_entries != NULL);

  copy = g_ptr_array_new_full (diff_entries->len, (GDestroyNotify) bc_diff_free);
  for (guint i = 0; i < diff_entries->len; i++)
    g_ptr_array_add (copy, bc_diff_copy (diff_entries->pdata[i]));
  show (self, copy, TRUE, title ? title : _("Differences"));
}

/**
 * bc_changes_panel_get_comparing:
 *
 * Returns: %TRUE while two reports are compared (bc_changes_panel_show_diff())
 */
gboolean
bc_changes_panel_get_comparing (BcChangesPanel *self)
{
  g_return_val_if_fail (BC_IS_CHANGES_PANEL (self), FALSE);
  return self->comparing;
}

guint
bc_changes_panel_get_n_changes (BcChangesPanel *self)
{
  g_return_val_if_fail (BC_IS_CHANGES_PANEL (self), 0);
  return self->diffs ? self->diffs->len : 0;
}

/**
 * bc_changes_panel_get_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys listed, in
 *   report order, valid until the panel is updated
 */
const char * const *
bc_changes_panel_get_keys (BcChangesPanel *self)
{
  g_return_val_if_fail (BC_IS_CHANGES_PANEL (self), NULL);
  return (const char * const *) self->keys;
}

/**
 * bc_changes_panel_lookup:
 * @key: a value key
 *
 * Returns: (transfer none) (nullable): the change listed for @key, to
 *   describe it beside the field (bc_ui_describe_diff())
 */
const BcDiff *
bc_changes_panel_lookup (BcChangesPanel *self,
                         const char     *key)
{
  g_return_val_if_fail (BC_IS_CHANGES_PANEL (self), NULL);
  return key ? g_hash_table_lookup (self->by_key, key) : NULL;
}

void
bc_changes_panel_activate_row (BcChangesPanel *self,
                               guint           index)
{
  GtkListBoxRow *row;

  g_return_if_fail (BC_IS_CHANGES_PANEL (self));
  if ((row = gtk_list_box_get_row_at_index (self->list, (int) index)) != NULL)
    row_activated_cb (self->list, row, self);
}
