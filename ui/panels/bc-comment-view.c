/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-comment-view"

#include "config.h"

#include "bc-comment-view.h"
#include "bc-ui-utils.h"

/* One comment of a thread: who wrote it, in what role, when, and what. */
struct _BcCommentView
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel  *author_label;
  GtkLabel  *role_label;
  GtkLabel  *time_label;
  GtkLabel  *text_label;
};

G_DEFINE_FINAL_TYPE (BcCommentView, bc_comment_view, GTK_TYPE_WIDGET)

static void
bc_comment_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_COMMENT_VIEW);
  G_OBJECT_CLASS (bc_comment_view_parent_class)->dispose (object);
}

static void
bc_comment_view_class_init (BcCommentViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_comment_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-comment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BcCommentView, box);
  gtk_widget_class_bind_template_child (widget_class, BcCommentView, author_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentView, role_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentView, time_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentView, text_label);
}

static void
bc_comment_view_init (BcCommentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_comment_view_new:
 *
 * Returns: (transfer floating): @comment, shown
 */
GtkWidget *
bc_comment_view_new (const BcComment *comment)
{
  BcCommentView *self = g_object_new (BC_TYPE_COMMENT_VIEW, NULL);
  const char *role = bc_ui_role_label (comment->role);
  g_autofree char *when = bc_ui_format_timestamp (comment->created);

  gtk_label_set_text (self->author_label, comment->author);
  gtk_label_set_text (self->role_label, role);
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), *role != '\0');
  gtk_label_set_text (self->time_label, when);
  gtk_label_set_text (self->text_label, comment->text);
  return GTK_WIDGET (self);
}
