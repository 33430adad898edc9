/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-change-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-change-row.h"
#include "bc-keys.h"
#include "bc-ui-utils.h"

/* Values this short fit on one line as "old → new". */
#define SHORT_VALUE_CHARS 28

/* One change of the changes panel's model: the diff, and what the row
 * says of it, worded once when the item is made. A diff read again the
 * same keeps its item, and its row. */
struct _BcChangeItem
{
  GObject   parent_instance;

  BcDiff   *diff;
  gboolean  read_only;     /* two versions compared: nothing to settle */
  char     *part;          /* the heading of the part the value is in */
  char     *what;          /* the value, named in full */
  char     *title;         /* the value, named under its part's heading */
  char     *old_text;
  char     *new_text;
  char     *author;        /* NULL: not known */
};

G_DEFINE_FINAL_TYPE (BcChangeItem, bc_change_item, G_TYPE_OBJECT)

static void
bc_change_item_finalize (GObject *object)
{
  BcChangeItem *self = BC_CHANGE_ITEM (object);

  bc_diff_free (self->diff);
  g_free (self->part);
  g_free (self->what);
  g_free (self->title);
  g_free (self->old_text);
  g_free (self->new_text);
  g_free (self->author);
  G_OBJECT_CLASS (bc_change_item_parent_class)->finalize (object);
}

static void
bc_change_item_class_init (BcChangeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_change_item_finalize;
}

static void
bc_change_item_init (BcChangeItem *self)
{
}

/**
 * bc_change_item_new:
 * @report: the report the value keys are of, to name them
 * @diff: copied
 * @read_only: %TRUE when two versions are compared: no settle buttons
 *
 * Returns: (transfer full): the item
 */
BcChangeItem *
bc_change_item_new (BcReport     *report,
                    const BcDiff *diff,
                    gboolean      read_only)
{
  BcChangeItem *self = g_object_new (BC_TYPE_CHANGE_ITEM, NULL);
  const char *tail;

  self->diff = bc_diff_copy (diff);
  self->read_only = read_only;
  self->what = bc_key_describe (report, diff->key);
  self->old_text = bc_key_describe_value (report, diff->key, diff->old_value);
  self->new_text = bc_key_describe_value (report, diff->key, diff->new_value);
  self->part = bc_key_describe_part (report, diff->key);
  /* Under the heading of its part, a row need not name the part again. */
  tail = g_str_has_prefix (self->what, self->part) ? self->what + strlen (self->part) : NULL;
  self->title = g_strdup (tail && g_str_has_prefix (tail, " · ") ? tail + strlen (" · ") : self->what);
  if (diff->actor != NULL && *diff->actor != '\0')
    self->author = bc_ui_describe_author (diff->actor, diff->role, diff->at);
  return self;
}

const BcDiff *
bc_change_item_get_diff (BcChangeItem *self)
{
  g_return_val_if_fail (BC_IS_CHANGE_ITEM (self), NULL);
  return self->diff;
}

const char *
bc_change_item_get_part (BcChangeItem *self)
{
  g_return_val_if_fail (BC_IS_CHANGE_ITEM (self), NULL);
  return self->part;
}

gboolean
bc_change_item_get_read_only (BcChangeItem *self)
{
  g_return_val_if_fail (BC_IS_CHANGE_ITEM (self), FALSE);
  return self->read_only;
}

/**
 * bc_change_item_shows:
 *
 * Returns: %TRUE when the item shows @diff as it is, and can stay
 */
gboolean
bc_change_item_shows (BcChangeItem *self,
                      const BcDiff *diff,
                      gboolean      read_only)
{
  const BcDiff *x = self->diff;

  g_return_val_if_fail (BC_IS_CHANGE_ITEM (self), FALSE);
  return self->read_only == read_only
         && g_strcmp0 (x->key, diff->key) == 0 && g_strcmp0 (x->old_value, diff->old_value) == 0
         && g_strcmp0 (x->new_value, diff->new_value) == 0 && x->change_id == diff->change_id
         && g_strcmp0 (x->actor, diff->actor) == 0;
}

struct _BcChangeRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkLabel      *title_label;
  GtkLabel      *short_label;
  GtkWidget     *long_box;
  GtkLabel      *old_label;
  GtkLabel      *new_label;
  GtkLabel      *author_label;
  GtkWidget     *accept_button;
  GtkWidget     *revert_button;

  /* owned */
  BcChangeItem  *item;
};

G_DEFINE_FINAL_TYPE (BcChangeRow, bc_change_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
is_short (const char *text)
{
  return g_utf8_strlen (text, -1) <= SHORT_VALUE_CHARS && strchr (text, '\n') == NULL;
}

/* "12 → 15" on one line; long texts one above the other, the old struck out. */
static void
show_values (BcChangeRow *self)
{
  g_autofree char *old_escaped = g_markup_escape_text (self->item->old_text, -1);
  g_autofree char *new_escaped = g_markup_escape_text (self->item->new_text, -1);
  gboolean one_line = is_short (self->item->old_text) && is_short (self->item->new_text);
  g_autofree char *old_markup = NULL;
  g_autofree char *new_markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->short_label), one_line);
  gtk_widget_set_visible (self->long_box, !one_line);
  if (one_line)
    {
      g_autofree char *markup = g_strdup_printf ("<span strikethrough=\"true\" alpha=\"60%%\">%s</span>"
                                                 "  →  <b>%s</b>", old_escaped, new_escaped);
      gtk_label_set_markup (self->short_label, markup);
      return;
    }
  old_markup = g_strdup_printf ("<span strikethrough=\"true\">%s</span>", old_escaped);
  new_markup = g_strdup_printf ("→ %s", new_escaped);
  gtk_label_set_markup (self->old_label, old_markup);
  gtk_label_set_markup (self->new_label, new_markup);
}

/* The settle buttons act on this row's key; its name says which value. */
static void
set_settle_button (GtkWidget  *button,
                   const char *action,
                   const char *key,
                   const char *accessible)
{
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (button, TRUE);
}

static void
bc_change_row_dispose (GObject *object)
{
  BcChangeRow *self = BC_CHANGE_ROW (object);

  /* The row unparents its child, the template's only widget. */
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_change_row_parent_class)->dispose (object);
}

static void
bc_change_row_class_init (BcChangeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_change_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-change-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, short_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, long_box);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, old_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, new_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, BcChangeRow, revert_button);
}

static void
bc_change_row_init (BcChangeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_change_row_new:
 *
 * Returns: (transfer floating): the row showing @item
 */
GtkWidget *
bc_change_row_new (BcChangeItem *item)
{
  BcChangeRow *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (BC_IS_CHANGE_ITEM (item), NULL);

  self = g_object_new (BC_TYPE_CHANGE_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_label_set_text (self->title_label, item->title);
  show_values (self);
  gtk_label_set_text (self->author_label, item->author ? item->author : "");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), item->author != NULL);
  if (!item->read_only)
    {
      g_autofree char *accept = g_strdup_printf (_("Accept the change to %s"), item->what);
      g_autofree char *revert = g_strdup_printf (_("Revert the change to %s"), item->what);

      set_settle_button (self->accept_button, "changes.accept", item->diff->key, accept);
      set_settle_button (self->revert_button, "changes.revert", item->diff->key, revert);
    }
  /* The strike-through is not read out: say it. */
  description = g_strdup_printf (_("Changed from %s to %s"), item->old_text, item->new_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, item->what,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return GTK_WIDGET (self);
}

/**
 * bc_change_row_get_item:
 *
 * Returns: (transfer none): the change the row shows
 */
BcChangeItem *
bc_change_row_get_item (BcChangeRow *self)
{
  g_return_val_if_fail (BC_IS_CHANGE_ROW (self), NULL);
  return self->item;
}
