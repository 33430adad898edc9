/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-comments-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-comments-panel.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-part-heading.h"
#include "bc-store-review.h"
#include "bc-thread-row.h"
#include "bc-ui-utils.h"

/* The comment threads of a report, grouped by what they are about: the
 * reviewer asks, the clerk answers, either resolves. A new comment is
 * about the field the page has in focus, or the whole report. */

struct _BcCommentsPanel
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkWidget   *box;
  GtkLabel    *count_label;
  GtkLabel    *target_label;
  GtkWidget   *whole_button;
  GtkTextView *compose_view;
  GtkLabel    *error_label;
  GtkStack    *stack;
  GtkListBox  *threads;

  /* owned */
  BcStore     *store;
  BcReport    *report;
  char        *target;          /* "": the whole report */
  GListStore  *items;           /* BcThreadItem, in the order shown */
  GStrv        open_targets;
  guint        n_open;
  guint        n_threads;
};

G_DEFINE_FINAL_TYPE (BcCommentsPanel, bc_comments_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whole report first, then in report order; in a group, open threads
 * before resolved ones, each in the order it was started. */
static int
compare_threads (gconstpointer a,
                 gconstpointer b,
                 gpointer      report)
{
  const BcComment *x = bc_thread_item_get_root (*(BcThreadItem * const *) a);
  const BcComment *y = bc_thread_item_get_root (*(BcThreadItem * const *) b);
  int by_target = bc_key_compare (report, x->target, y->target);

  if (by_target != 0)
    return by_target;
  if ((x->resolved_at != NULL) != (y->resolved_at != NULL))
    return x->resolved_at != NULL ? 1 : -1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* @comments come thread by thread, each reply after its first comment. */
static GPtrArray *
collect_threads (BcReport  *report,
                 GPtrArray *comments)
{
  GPtrArray *threads = g_ptr_array_new_with_free_func (g_object_unref);
  BcThreadItem *thread = NULL;

  for (guint i = 0; i < comments->len; i++)
    {
      BcComment *comment = comments->pdata[i];

      if (comment->parent_id != 0 && thread != NULL && bc_thread_item_get_root (thread)->id == comment->parent_id)
        {
          bc_thread_item_add_reply (thread, comment);
          continue;
        }
      thread = bc_thread_item_new (comments, comment);
      g_ptr_array_add (threads, thread);
    }
  g_ptr_array_sort_with_data (threads, compare_threads, report);
  return threads;
}

static const char *
thread_target (GtkListBoxRow *row)
{
  return bc_thread_item_get_root (bc_thread_row_get_item (BC_THREAD_ROW (row)))->target;
}

static void
heading_activated_cb (BcCommentsPanel *self,
                      const char      *target)
{
  g_signal_emit (self, signals[COMMENT_ACTIVATED], 0, target);
}

/* What the threads below are about; a field's heading shows the field.
 * Called again whenever a row's neighbours change. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       data)
{
  BcCommentsPanel *self = data;
  BcThreadRow *thread = BC_THREAD_ROW (row);
  const char *target = thread_target (row);
  g_autofree char *title = NULL;
  GtkWidget *heading;

  /* The cards are 8 pixels apart, and from the heading of the next group. */
  gtk_widget_set_margin_top (GTK_WIDGET (row), before != NULL ? 8 : 0);
  if (before != NULL && g_str_equal (target, thread_target (before)))
    {
      bc_thread_row_set_heading (thread, NULL);
      return;
    }
  if (bc_thread_row_get_heading (thread) != NULL)
    return;
  title = bc_key_describe (self->report, target);
  heading = bc_part_heading_new (title, *target != '\0' ? target : NULL);
  gtk_widget_set_margin_top (heading, *target != '\0' ? 6 : 12);
  gtk_widget_set_margin_start (heading, *target != '\0' ? 0 : 2);
  g_signal_connect_object (heading, "activated", G_CALLBACK (heading_activated_cb), self, G_CONNECT_SWAPPED);
  bc_thread_row_set_heading (thread, heading);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return bc_thread_row_new (item);
}

static gboolean
keep_item (gpointer item,
           gpointer thread,
           gpointer user_data)
{
  return bc_thread_item_equal (item, thread);
}

static gpointer
make_item (gpointer thread,
           gpointer user_data)
{
  return g_object_ref (thread);
}

static BcThreadRow *
find_row (BcCommentsPanel *self,
          gint64           id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->threads, i)) != NULL; i++)
    if (bc_thread_item_get_root (bc_thread_row_get_item (BC_THREAD_ROW (row)))->id == id)
      return BC_THREAD_ROW (row);
  return NULL;
}

/* Replies being typed survive their thread's card being made again. */
static GHashTable *
save_drafts (BcCommentsPanel *self)
{
  GHashTable *drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->threads, i)) != NULL; i++)
    {
      const char *text = gtk_editable_get_text (bc_thread_row_get_reply (BC_THREAD_ROW (row)));
      gint64 id = bc_thread_item_get_root (bc_thread_row_get_item (BC_THREAD_ROW (row)))->id;

      if (*text != '\0')
        g_hash_table_insert (drafts, g_memdup2 (&id, sizeof id), g_strdup (text));
    }
  return drafts;
}

static void
restore_drafts (BcCommentsPanel *self,
                GHashTable      *drafts)
{
  GHashTableIter iter;
  gpointer id, text;

  g_hash_table_iter_init (&iter, drafts);
  while (g_hash_table_iter_next (&iter, &id, &text))
    {
      BcThreadRow *row = find_row (self, *(gint64 *) id);
      if (row != NULL && *gtk_editable_get_text (bc_thread_row_get_reply (row)) == '\0')
        gtk_editable_set_text (bc_thread_row_get_reply (row), text);
    }
}

/* Only the cards of threads new, gone or changed are made again. */
static void
show_threads (BcCommentsPanel *self,
              GPtrArray       *threads)
{
  g_autoptr(GHashTable) drafts = save_drafts (self);
  g_autoptr(GPtrArray) open_targets = g_ptr_array_new ();
  guint old_open = self->n_open;

  bc_ui_list_store_update (self->items, threads, keep_item, make_item, self);
  self->n_open = 0;
  for (guint i = 0; i < threads->len; i++)
    {
      const BcComment *root = bc_thread_item_get_root (threads->pdata[i]);

      if (root->resolved_at == NULL)
        {
          self->n_open++;
          if (!g_ptr_array_find_with_equal_func (open_targets, root->target, g_str_equal, NULL))
            g_ptr_array_add (open_targets, g_strdup (root->target));
        }
    }
  restore_drafts (self, drafts);
  self->n_threads = threads->len;
  g_strfreev (self->open_targets);
  g_ptr_array_add (open_targets, NULL);
  self->open_targets = (GStrv) g_ptr_array_steal (open_targets, NULL);

  gtk_stack_set_visible_child_name (self->stack, threads->len > 0 ? "list" : "empty");
  if (self->n_open > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u open", "%u open", self->n_open), self->n_open);
      gtk_label_set_text (self->count_label, count);
    }
  else
    gtk_label_set_text (self->count_label, "");
  if (old_open != self->n_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
}

static void
show_error (BcCommentsPanel *self,
            const GError    *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static char *
compose_text (BcCommentsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->compose_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
compose_changed_cb (GtkTextBuffer   *buffer,
                    BcCommentsPanel *self)
{
  g_autofree char *text = compose_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", *text != '\0');
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (widget);
  g_autofree char *text = compose_text (self);
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return;
  if (bc_store_add_comment (self->store, self->report, self->target, text, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->compose_view), "", -1);
  bc_comments_panel_refresh (self);
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (widget);
  gint64 id = g_variant_get_int64 (parameter);
  BcThreadRow *row = find_row (self, id);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (bc_thread_row_get_reply (row))));
  if (*text == '\0')
    return;
  if (bc_store_reply_comment (self->store, id, text, &error) == 0)
    {
      bc_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_editable_set_text (bc_thread_row_get_reply (row), "");
  bc_comments_panel_refresh (self);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (!bc_store_resolve_comment (self->store, g_variant_get_int64 (parameter),
                                 g_str_equal (action_name, "comments.resolve"), &error))
    bc_ui_toast (GTK_WIDGET (self), error->message);
  bc_comments_panel_refresh (self);
}

static void
whole_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bc_comments_panel_set_target (BC_COMMENTS_PANEL (widget), NULL);
}

/* The page may name a key no comment can be about (a computed cell): the
 * comment goes to the nearest part that can take one, its row say. */
static char *
nearest_target (BcReport   *report,
                const char *key)
{
  g_autofree char *target = g_strdup (key ? key : "");

  while (*target != '\0' && !bc_review_validate_target (report, target, NULL))
    {
      char *parent = bc_key_dup_parent (target);

      g_free (target);
      target = parent;
    }
  return g_steal_pointer (&target);
}

static void
bc_comments_panel_dispose (GObject *object)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_COMMENTS_PANEL);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bc_comments_panel_parent_class)->dispose (object);
}

static void
bc_comments_panel_finalize (GObject *object)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (object);

  g_clear_object (&self->items);
  g_strfreev (self->open_targets);
  g_free (self->target);
  G_OBJECT_CLASS (bc_comments_panel_parent_class)->finalize (object);
}

static void
bc_comments_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BcCommentsPanel *self = BC_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_comments_panel_class_init (BcCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_comments_panel_dispose;
  object_class->finalize = bc_comments_panel_finalize;
  object_class->get_property = bc_comments_panel_get_property;

  properties[PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcCommentsPanel::comment-activated:
   * @key: what the comments chosen are about: a value key, or a table,
   *   row or section target (see bc-review.h)
   */
  signals[COMMENT_ACTIVATED] =
    g_signal_new ("comment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, target_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, whole_button);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, compose_view);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, threads);

  gtk_widget_class_install_action (widget_class, "comments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "comments.reply", "x", reply_action);
  gtk_widget_class_install_action (widget_class, "comments.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "comments.reopen", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "comments.whole-report", NULL, whole_report_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bc_comments_panel_init (BcCommentsPanel *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->target = g_strdup ("");
  self->items = g_list_store_new (BC_TYPE_THREAD_ITEM);
  gtk_list_box_set_header_func (self->threads, header_cb, self, NULL);
  gtk_list_box_bind_model (self->threads, G_LIST_MODEL (self->items), create_row, self, NULL);
  self->open_targets = g_new0 (char *, 1);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                          gtk_named_action_new ("comments.add")));
  gtk_widget_add_controller (GTK_WIDGET (self->compose_view), shortcuts);
  g_signal_connect (gtk_text_view_get_buffer (self->compose_view), "changed",
                    G_CALLBACK (compose_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comments.add", FALSE);
}

/**
 * bc_comments_panel_new:
 * @store: the library, whose actor and role sign the comments
 * @report: the open report
 *
 * Returns: (transfer floating): a panel with the report's comment threads
 */
GtkWidget *
bc_comments_panel_new (BcStore  *store,
                       BcReport *report)
{
  BcCommentsPanel *self;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  self = g_object_new (BC_TYPE_COMMENTS_PANEL, NULL);
  self->store = g_object_ref (store);
  self->report = g_object_ref (report);
  bc_comments_panel_set_target (self, NULL);
  bc_comments_panel_refresh (self);
  return GTK_WIDGET (self);
}

/**
 * bc_comments_panel_refresh:
 *
 * Reads the comments again from the library.
 */
void
bc_comments_panel_refresh (BcCommentsPanel *self)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_COMMENTS_PANEL (self));

  comments = bc_store_list_comments (self->store, bc_report_get_id (self->report), NULL, &error);
  if (comments == NULL)
    {
      bc_ui_toast (GTK_WIDGET (self), error->message);
      comments = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_comment_free);
    }
  threads = collect_threads (self->report, comments);
  show_threads (self, threads);
}

/**
 * bc_comments_panel_set_target:
 * @key: (nullable): what a new comment is about: the key of the field in
 *   focus, a table, row or section; %NULL or "" for the whole report
 *
 * A key no comment can be about gives way to the nearest part that can
 * take one (the row of a computed cell).
 */
void
bc_comments_panel_set_target (BcCommentsPanel *self,
                              const char      *key)
{
  g_autofree char *target = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (BC_IS_COMMENTS_PANEL (self));

  target = nearest_target (self->report, key);
  label = bc_key_describe (self->report, target);
  escaped = g_markup_escape_text (label, -1);
  /* Translators: above the box for a new comment; %s is a field, e.g. "Header · Number" */
  markup = g_strdup_printf (_("Add a comment on: <b>%s</b>"), escaped);
  gtk_label_set_markup (self->target_label, markup);
  gtk_widget_set_visible (self->whole_button, *target != '\0');
  g_free (self->target);
  self->target = g_steal_pointer (&target);
}

/**
 * bc_comments_panel_get_target:
 *
 * Returns: what a new comment is about; "" for the whole report
 */
const char *
bc_comments_panel_get_target (BcCommentsPanel *self)
{
  g_return_val_if_fail (BC_IS_COMMENTS_PANEL (self), NULL);
  return self->target;
}

/**
 * bc_comments_panel_get_n_open:
 *
 * Returns: how many threads are not resolved
 */
guint
bc_comments_panel_get_n_open (BcCommentsPanel *self)
{
  g_return_val_if_fail (BC_IS_COMMENTS_PANEL (self), 0);
  return self->n_open;
}

guint
bc_comments_panel_get_n_threads (BcCommentsPanel *self)
{
  g_return_val_if_fail (BC_IS_COMMENTS_PANEL (self), 0);
  return self->n_threads;
}

/**
 * bc_comments_panel_get_open_targets:
 *
 * Returns: (transfer none) (array zero-terminated=1): what the open
 *   threads are about, once each, in report order; valid until refreshed
 */
const char * const *
bc_comments_panel_get_open_targets (BcCommentsPanel *self)
{
  g_return_val_if_fail (BC_IS_COMMENTS_PANEL (self), NULL);
  return (const char * const *) self->open_targets;
}
