/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-followup-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-followup-form.h"
#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-store-followup.h"
#include "bc-ui-utils.h"

/* The plan follow-up of a report: the plan's tasks for the office, a row
 * each (BcFollowupRow) from a list model, and above them how many are
 * done, in progress, not started and not done. The tasks themselves come
 * from the plan when the report is made: the clerk sets where each
 * stands, never adds or removes one. */
struct _BcFollowupForm
{
  AdwBin           parent_instance;

  /* template widgets */
  GtkLabel        *summary;
  GtkLabel        *empty;
  GtkListBox      *list;

  /* owned */
  GListStore      *items;        /* BcFollowupItem */
  GHashTable      *done_before;  /* nullable: plan item key -> BcTaskDone */
  char            *order_key;

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession   *session;
  const BcSection *section;
};

G_DEFINE_FINAL_TYPE (BcFollowupForm, bc_followup_form, ADW_TYPE_BIN)

static void
update_summary (BcFollowupForm *self)
{
  g_autoptr(GPtrArray) tasks = bc_followup_tasks (bc_edit_session_get_report (self->session), self->section);
  guint counts[BC_TASK_N_STATUSES] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < tasks->len; i++)
    counts[((BcFollowupTask *) tasks->pdata[i])->status]++;
  /* Translators: the plan follow-up: how many tasks, then how many of each status */
  text = g_strdup_printf (_("%u tasks: %u done, %u in progress, %u not started, %u not done"), tasks->len,
                          counts[BC_TASK_DONE], counts[BC_TASK_IN_PROGRESS], counts[BC_TASK_NOT_STARTED],
                          counts[BC_TASK_NOT_DONE]);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), tasks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty), tasks->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), tasks->len > 0);
}

static gboolean
keep_item (gpointer item,
           gpointer value,
           gpointer user_data)
{
  return bc_followup_item_shows (item, value);
}

static gpointer
make_item (gpointer value,
           gpointer user_data)
{
  return g_object_ref (value);
}

/* The tasks as the report has them now: after an update from the plan,
 * only the rows of tasks new, gone, moved or reworded are made again. */
static void
update_items (BcFollowupForm *self)
{
  BcReport *report = bc_edit_session_get_report (self->session);
  g_auto(GStrv) order = bc_report_get_list_order (report, self->section->id);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; order[i]; i++)
    {
      g_autofree char *ref_key = bc_key_item_field (self->section->id, order[i], "ref");
      const char *ref = bc_report_get (report, ref_key);
      const BcTaskDone *done = self->done_before ? g_hash_table_lookup (self->done_before, ref) : NULL;

      g_ptr_array_add (items, bc_followup_item_new (report, self->section->id, order[i], i + 1, done));
    }
  bc_ui_list_store_update (self->items, items, keep_item, make_item, self);
  update_summary (self);
}

static void
value_changed_cb (BcReport       *report,
                  const char     *key,
                  BcFollowupForm *self)
{
  g_auto(BcKey) k = BC_KEY_INIT;
  BcKeyKind kind = bc_key_parse (&k, key);

  if (kind == BC_KEY_ITEM_FIELD && g_str_equal (k.id, self->section->id) && g_str_equal (k.field, "status"))
    update_summary (self);
  else if (g_str_equal (key, self->order_key)
           || (kind == BC_KEY_ITEM_FIELD && g_str_equal (k.id, self->section->id)
               && (g_str_equal (k.field, "content") || g_str_equal (k.field, "lead")
                   || g_str_equal (k.field, "deadline"))))
    update_items (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BcFollowupForm *self = user_data;

  return bc_followup_row_new (self->inputs, item);
}

static void
bc_followup_form_dispose (GObject *object)
{
  BcFollowupForm *self = BC_FOLLOWUP_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_FOLLOWUP_FORM);
  g_clear_object (&self->items);
  g_clear_pointer (&self->done_before, g_hash_table_unref);
  g_clear_pointer (&self->order_key, g_free);
  G_OBJECT_CLASS (bc_followup_form_parent_class)->dispose (object);
}

static void
bc_followup_form_class_init (BcFollowupFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_followup_form_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-followup-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFollowupForm, summary);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupForm, empty);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupForm, list);
}

static void
bc_followup_form_init (BcFollowupForm *self)
{
  g_type_ensure (BC_TYPE_FOLLOWUP_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (BC_TYPE_FOLLOWUP_ITEM);
}

/**
 * bc_followup_form_new:
 * @inputs: the report page's inputs, which the rows join; the form edits
 *   through their session
 * @section: a "followup" section of the session's report
 * @store: (nullable): the library, for the tasks earlier reports said
 *   were done
 *
 * Returns: (transfer floating): the form
 */
GtkWidget *
bc_followup_form_new (BcInputRegistry *inputs,
                      const BcSection *section,
                      BcStore         *store)
{
  BcFollowupForm *self = g_object_new (BC_TYPE_FOLLOWUP_FORM, NULL);
  BcEditSession *session = bc_input_registry_get_session (inputs);
  BcReport *report = bc_edit_session_get_report (session);

  self->inputs = inputs;
  self->session = session;
  self->section = section;
  self->order_key = bc_key_section_part (section->id, "order");
  /* One query, no report opened: cheap enough to make with the form. */
  if (store != NULL)
    self->done_before = bc_store_followup_done_before (store, report, NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row_cb, self, NULL);
  update_items (self);
  g_signal_connect_object (report, "value-changed", G_CALLBACK (value_changed_cb), self, 0);
  return GTK_WIDGET (self);
}

/**
 * bc_followup_form_get_model:
 *
 * Returns: (transfer none): the tasks shown, #BcFollowupItem
 */
GListModel *
bc_followup_form_get_model (BcFollowupForm *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_FORM (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * bc_followup_form_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the @index-th task
 */
BcFollowupRow *
bc_followup_form_get_row (BcFollowupForm *self,
                          guint           index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BC_IS_FOLLOWUP_FORM (self), NULL);
  row = gtk_list_box_get_row_at_index (self->list, (int) index);
  return row ? BC_FOLLOWUP_ROW (row) : NULL;
}

const char *
bc_followup_form_get_summary (BcFollowupForm *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_FORM (self), NULL);
  return gtk_label_get_text (self->summary);
}
