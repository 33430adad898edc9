/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-comments-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-comments-panel.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-ui-utils.h"

/* The comment threads of a report, grouped by what they are about: the
 * reviewer asks, the clerk answers, either resolves. A new comment is
 * about the field the page has in focus, or the whole report. */

typedef struct
{
  BcComment *root;       /* borrowed from the comments listed */
  GPtrArray *replies;    /* BcComment, borrowed */
} Thread;

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
  GtkWidget   *threads_box;

  /* owned */
  BcStore     *store;
  BcReport    *report;
  char        *target;          /* "": the whole report */
  GHashTable  *reply_entries;   /* thread id -> GtkEntry, borrowed */
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

static void
thread_free (Thread *thread)
{
  g_ptr_array_unref (thread->replies);
  g_free (thread);
}

static void
toast (BcCommentsPanel *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

/* Whole report first, then in report order; in a group, open threads
 * before resolved ones, each in the order it was started. */
static int
compare_threads (gconstpointer a,
                 gconstpointer b,
                 gpointer      report)
{
  const Thread *x = *(Thread * const *) a, *y = *(Thread * const *) b;
  int by_target = bc_key_compare (report, x->root->target, y->root->target);

  if (by_target != 0)
    return by_target;
  if ((x->root->resolved_at != NULL) != (y->root->resolved_at != NULL))
    return x->root->resolved_at != NULL ? 1 : -1;
  return x->root->id < y->root->id ? -1 : x->root->id > y->root->id;
}

/* @comments come thread by thread, each reply after its first comment. */
static GPtrArray *
collect_threads (BcReport  *report,
                 GPtrArray *comments)
{
  GPtrArray *threads = g_ptr_array_new_with_free_func ((GDestroyNotify) thread_free);
  Thread *thread = NULL;

  for (guint i = 0; i < comments->len; i++)
    {
      BcComment *comment = comments->pdata[i];

      if (comment->parent_id != 0 && thread != NULL && thread->root->id == comment->parent_id)
        {
          g_ptr_array_add (thread->replies, comment);
          continue;
        }
      thread = g_new0 (Thread, 1);
      thread->root = comment;
      thread->replies = g_ptr_array_new ();
      g_ptr_array_add (threads, thread);
    }
  g_ptr_array_sort_with_data (threads, compare_threads, report);
  return threads;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
comment_widget (const BcComment *comment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = new_label (comment->author, "heading");
  const char *role = bc_ui_role_label (comment->role);
  g_autofree char *when = bc_ui_format_timestamp (comment->created);
  GtkWidget *time = new_label (when, "caption");
  GtkWidget *text = new_label (comment->text, NULL);

  gtk_label_set_wrap (GTK_LABEL (author), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (line), author);
  if (*role != '\0')
    {
      GtkWidget *badge = gtk_label_new (role);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "bc-badge");
      gtk_widget_add_css_class (badge, "caption");
      gtk_box_append (GTK_BOX (line), badge);
    }
  /* Below the name: beside it, a long name would be cut short. */
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), time);
  gtk_widget_set_margin_top (text, 2);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
reply_icon_cb (GtkEntry             *entry,
               GtkEntryIconPosition  position,
               gpointer              data)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
reply_activate_cb (GtkEntry        *entry,
                   BcCommentsPanel *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (entry), "bc-thread");

  gtk_widget_activate_action (GTK_WIDGET (self), "comments.reply", "x", id);
}

static GtkWidget *
reply_line (BcCommentsPanel *self,
            const Thread    *thread)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  gboolean resolved = thread->root->resolved_at != NULL;
  GtkWidget *button = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("_Resolve"));
  gint64 *id = g_new (gint64, 1);

  *id = thread->root->id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reply…"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, "mail-reply-sender-symbolic");
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Send the Reply (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply"), -1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_object_set_data_full (G_OBJECT (entry), "bc-thread", id, g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (reply_activate_cb), self);
  g_signal_connect (entry, "icon-release", G_CALLBACK (reply_icon_cb), NULL);
  g_hash_table_insert (self->reply_entries, id, entry);

  gtk_widget_set_tooltip_text (button, resolved ? _("Open the Thread Again") : _("Mark the Thread as Resolved"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), resolved ? "comments.reopen" : "comments.resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", thread->root->id);
  gtk_box_append (GTK_BOX (line), entry);
  gtk_box_append (GTK_BOX (line), button);
  return line;
}

static GtkWidget *
thread_content (BcCommentsPanel *self,
                const Thread    *thread)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  gtk_box_append (GTK_BOX (box), comment_widget (thread->root));
  for (guint i = 0; i < thread->replies->len; i++)
    {
      GtkWidget *reply = comment_widget (thread->replies->pdata[i]);
      gtk_widget_set_margin_start (reply, 12);
      gtk_box_append (GTK_BOX (box), reply);
    }
  gtk_box_append (GTK_BOX (box), reply_line (self, thread));
  return box;
}

/* Collapsed and dimmed: who resolved it, and what it was about. */
static GtkWidget *
resolved_summary (const Thread *thread)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *when = bc_ui_format_timestamp (thread->root->resolved_at);
  g_autofree char *status = thread->root->resolved_by && *thread->root->resolved_by
                            ? g_strdup_printf (_("Resolved by %s · %s"), thread->root->resolved_by, when)
                            : g_strdup_printf (_("Resolved · %s"), when);
  g_autofree char *first = g_strdup_printf ("%s: %s", thread->root->author, thread->root->text);
  GtkWidget *excerpt = new_label (first, NULL);

  gtk_label_set_wrap (GTK_LABEL (excerpt), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), new_label (status, "caption"));
  gtk_box_append (GTK_BOX (box), excerpt);
  gtk_widget_add_css_class (box, "dim-label");
  return box;
}

static GtkWidget *
thread_card (BcCommentsPanel *self,
             const Thread    *thread)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = thread_content (self, thread);

  gtk_widget_add_css_class (card, "card");
  if (thread->root->resolved_at != NULL)
    {
      GtkWidget *expander = gtk_expander_new (NULL);

      gtk_expander_set_label_widget (GTK_EXPANDER (expander), resolved_summary (thread));
      gtk_widget_set_margin_top (content, 10);
      gtk_expander_set_child (GTK_EXPANDER (expander), content);
      content = expander;
    }
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (card), content);
  return card;
}

static void
heading_clicked_cb (GtkButton       *button,
                    BcCommentsPanel *self)
{
  g_signal_emit (self, signals[COMMENT_ACTIVATED], 0, g_object_get_data (G_OBJECT (button), "bc-target"));
}

/* What the threads below are about; a field's heading shows the field. */
static GtkWidget *
group_heading (BcCommentsPanel *self,
               const char      *target)
{
  g_autofree char *text = bc_key_describe (self->report, target);
  GtkWidget *label = new_label (text, "heading");
  GtkWidget *button;

  if (*target == '\0')
    {
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_start (label, 2);
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_tooltip_text (button, _("Show the Field"));
  g_object_set_data_full (G_OBJECT (button), "bc-target", g_strdup (target), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (heading_clicked_cb), self);
  return button;
}

/* Replies being typed survive the list being built again. */
static GHashTable *
save_drafts (BcCommentsPanel *self)
{
  GHashTable *drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer id, entry;

  g_hash_table_iter_init (&iter, self->reply_entries);
  while (g_hash_table_iter_next (&iter, &id, &entry))
    if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
      g_hash_table_insert (drafts, g_memdup2 (id, sizeof (gint64)),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
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
      GtkWidget *entry = g_hash_table_lookup (self->reply_entries, id);
      if (entry != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
}

static void
show_threads (BcCommentsPanel *self,
              GPtrArray       *threads)
{
  g_autoptr(GHashTable) drafts = save_drafts (self);
  g_autoptr(GPtrArray) open_targets = g_ptr_array_new ();
  const char *previous = NULL;
  guint old_open = self->n_open;
  GtkWidget *child;

  g_hash_table_remove_all (self->reply_entries);
  while ((child = gtk_widget_get_first_child (self->threads_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->threads_box), child);
  self->n_open = 0;
  for (guint i = 0; i < threads->len; i++)
    {
      const Thread *thread = threads->pdata[i];

      if (previous == NULL || !g_str_equal (previous, thread->root->target))
        gtk_box_append (GTK_BOX (self->threads_box), group_heading (self, thread->root->target));
      previous = thread->root->target;
      gtk_box_append (GTK_BOX (self->threads_box), thread_card (self, thread));
      if (thread->root->resolved_at == NULL)
        {
          self->n_open++;
          if (!g_ptr_array_find_with_equal_func (open_targets, thread->root->target, g_str_equal, NULL))
            g_ptr_array_add (open_targets, g_strdup (thread->root->target));
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
  GtkWidget *entry = g_hash_table_lookup (self->reply_entries, &id);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*text == '\0')
    return;
  if (bc_store_reply_comment (self->store, id, text, &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
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
    toast (self, error->message);
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

  g_hash_table_unref (self->reply_entries);
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
  gtk_widget_class_bind_template_child (widget_class, BcCommentsPanel, threads_box);

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
  self->reply_entries = g_hash_table_new (g_int64_hash, g_int64_equal);
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
      toast (self, error->message);
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
