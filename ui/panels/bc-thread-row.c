/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-thread-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-comment-view.h"
#include "bc-thread-row.h"
#include "bc-ui-utils.h"

/* One comment thread of the comments panel's model: its first comment
 * and the replies. The comments are borrowed from the list they were
 * read in, which the item keeps. */
struct _BcThreadItem
{
  GObject    parent_instance;

  GPtrArray *comments;   /* BcComment: the list read, kept for the ones below */
  BcComment *root;
  GPtrArray *replies;    /* BcComment, borrowed, oldest first */
};

G_DEFINE_FINAL_TYPE (BcThreadItem, bc_thread_item, G_TYPE_OBJECT)

static void
bc_thread_item_finalize (GObject *object)
{
  BcThreadItem *self = BC_THREAD_ITEM (object);

  g_ptr_array_unref (self->replies);
  g_ptr_array_unref (self->comments);
  G_OBJECT_CLASS (bc_thread_item_parent_class)->finalize (object);
}

static void
bc_thread_item_class_init (BcThreadItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_thread_item_finalize;
}

static void
bc_thread_item_init (BcThreadItem *self)
{
  self->replies = g_ptr_array_new ();
}

/**
 * bc_thread_item_new:
 * @comments: (element-type BcComment): the list @root is in; kept
 * @root: the thread's first comment
 *
 * Returns: (transfer full): a thread without replies yet
 */
BcThreadItem *
bc_thread_item_new (GPtrArray *comments,
                    BcComment *root)
{
  BcThreadItem *self = g_object_new (BC_TYPE_THREAD_ITEM, NULL);

  self->comments = g_ptr_array_ref (comments);
  self->root = root;
  return self;
}

/* @reply: from the list given to bc_thread_item_new() */
void
bc_thread_item_add_reply (BcThreadItem *self,
                          BcComment    *reply)
{
  g_return_if_fail (BC_IS_THREAD_ITEM (self));
  g_ptr_array_add (self->replies, reply);
}

const BcComment *
bc_thread_item_get_root (BcThreadItem *self)
{
  g_return_val_if_fail (BC_IS_THREAD_ITEM (self), NULL);
  return self->root;
}

/**
 * bc_thread_item_get_replies:
 *
 * Returns: (transfer none) (element-type BcComment): the replies, oldest first
 */
GPtrArray *
bc_thread_item_get_replies (BcThreadItem *self)
{
  g_return_val_if_fail (BC_IS_THREAD_ITEM (self), NULL);
  return self->replies;
}

static gboolean
same_comment (const BcComment *a,
              const BcComment *b)
{
  return a->id == b->id && g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->target, b->target) == 0
         && g_strcmp0 (a->author, b->author) == 0 && g_strcmp0 (a->role, b->role) == 0
         && g_strcmp0 (a->resolved_at, b->resolved_at) == 0 && g_strcmp0 (a->resolved_by, b->resolved_by) == 0;
}

/**
 * bc_thread_item_equal:
 *
 * Returns: %TRUE when both show the same thread the same way
 */
gboolean
bc_thread_item_equal (BcThreadItem *self,
                      BcThreadItem *other)
{
  g_return_val_if_fail (BC_IS_THREAD_ITEM (self) && BC_IS_THREAD_ITEM (other), FALSE);

  if (!same_comment (self->root, other->root) || self->replies->len != other->replies->len)
    return FALSE;
  for (guint i = 0; i < self->replies->len; i++)
    if (!same_comment (self->replies->pdata[i], other->replies->pdata[i]))
      return FALSE;
  return TRUE;
}

struct _BcThreadRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkWidget     *box;
  GtkWidget     *card;
  GtkWidget     *expander;   /* NULL once an open thread dropped it */
  GtkLabel      *status_label;
  GtkLabel      *excerpt_label;
  GtkWidget     *content;
  GtkWidget     *comments_box;
  GtkEntry      *reply_entry;
  GtkButton     *resolve_button;

  /* owned */
  BcThreadItem  *item;

  /* borrowed */
  GtkWidget     *heading;
};

G_DEFINE_FINAL_TYPE (BcThreadRow, bc_thread_row, GTK_TYPE_LIST_BOX_ROW)

static void
reply_icon_cb (GtkEntry             *entry,
               GtkEntryIconPosition  position,
               gpointer              data)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
reply_activate_cb (BcThreadRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "comments.reply", "x", self->item->root->id);
}

/* Collapsed and dimmed: who resolved it, and what it was about. */
static void
collapse (BcThreadRow *self)
{
  const BcComment *root = self->item->root;
  g_autofree char *when = bc_ui_format_timestamp (root->resolved_at);
  g_autofree char *status = root->resolved_by && *root->resolved_by
                            ? g_strdup_printf (_("Resolved by %s · %s"), root->resolved_by, when)
                            : g_strdup_printf (_("Resolved · %s"), when);
  g_autofree char *first = g_strdup_printf ("%s: %s", root->author, root->text);

  gtk_label_set_text (self->status_label, status);
  gtk_label_set_text (self->excerpt_label, first);
  g_object_ref (self->content);
  gtk_box_remove (GTK_BOX (self->card), self->content);
  gtk_widget_set_margin_bottom (self->content, 0);
  gtk_widget_set_margin_start (self->content, 0);
  gtk_widget_set_margin_end (self->content, 0);
  gtk_expander_set_child (GTK_EXPANDER (self->expander), self->content);
  g_object_unref (self->content);
}

static void
bc_thread_row_dispose (GObject *object)
{
  BcThreadRow *self = BC_THREAD_ROW (object);

  /* The row unparents its child, the template's only widget. */
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_thread_row_parent_class)->dispose (object);
}

static void
bc_thread_row_class_init (BcThreadRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_thread_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-thread-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, box);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, card);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, expander);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, content);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, comments_box);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, reply_entry);
  gtk_widget_class_bind_template_child (widget_class, BcThreadRow, resolve_button);
  gtk_widget_class_bind_template_callback (widget_class, reply_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, reply_icon_cb);
}

static void
bc_thread_row_init (BcThreadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_thread_row_new:
 *
 * Returns: (transfer floating): the card of @item's thread
 */
GtkWidget *
bc_thread_row_new (BcThreadItem *item)
{
  BcThreadRow *self;
  gboolean resolved;

  g_return_val_if_fail (BC_IS_THREAD_ITEM (item), NULL);

  self = g_object_new (BC_TYPE_THREAD_ROW, NULL);
  self->item = g_object_ref (item);
  resolved = item->root->resolved_at != NULL;
  gtk_box_append (GTK_BOX (self->comments_box), bc_comment_view_new (item->root));
  for (guint i = 0; i < item->replies->len; i++)
    {
      GtkWidget *reply = bc_comment_view_new (item->replies->pdata[i]);
      gtk_widget_set_margin_start (reply, 12);
      gtk_box_append (GTK_BOX (self->comments_box), reply);
    }
  gtk_button_set_label (self->resolve_button, resolved ? _("Re_open") : _("_Resolve"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->resolve_button),
                               resolved ? _("Open the Thread Again") : _("Mark the Thread as Resolved"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->resolve_button), "x", item->root->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->resolve_button),
                                  resolved ? "comments.reopen" : "comments.resolve");
  if (resolved)
    collapse (self);
  else
    {
      gtk_box_remove (GTK_BOX (self->card), self->expander);
      self->expander = NULL;
    }
  return GTK_WIDGET (self);
}

/**
 * bc_thread_row_get_item:
 *
 * Returns: (transfer none): the thread shown
 */
BcThreadItem *
bc_thread_row_get_item (BcThreadRow *self)
{
  g_return_val_if_fail (BC_IS_THREAD_ROW (self), NULL);
  return self->item;
}

/**
 * bc_thread_row_get_reply:
 *
 * Returns: (transfer none): the entry of the reply being typed
 */
GtkEditable *
bc_thread_row_get_reply (BcThreadRow *self)
{
  g_return_val_if_fail (BC_IS_THREAD_ROW (self), NULL);
  return GTK_EDITABLE (self->reply_entry);
}

/**
 * bc_thread_row_get_heading:
 *
 * Returns: (transfer none) (nullable): the heading above the card
 */
GtkWidget *
bc_thread_row_get_heading (BcThreadRow *self)
{
  g_return_val_if_fail (BC_IS_THREAD_ROW (self), NULL);
  return self->heading;
}

/**
 * bc_thread_row_set_heading:
 * @heading: (nullable) (transfer floating): what the threads from this
 *   one on are about; %NULL when it is not the first of its group
 *
 * The heading is in the row, above the card, rather than a list box
 * header: it is read before the thread, and in the order shown.
 */
void
bc_thread_row_set_heading (BcThreadRow *self,
                           GtkWidget   *heading)
{
  g_return_if_fail (BC_IS_THREAD_ROW (self));

  if (heading == self->heading)
    return;
  if (self->heading != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->heading);
  self->heading = heading;
  if (heading != NULL)
    gtk_box_prepend (GTK_BOX (self->box), heading);
}
