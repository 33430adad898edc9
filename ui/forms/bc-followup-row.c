/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-followup-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-deadline.h"
#include "bc-followup-row.h"
#include "bc-followup.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-ui-utils.h"

/* One task of the plan follow-up: the plan's words, and where the task
 * stands, its date and a note, each stored as the clerk sets it. */
struct _BcFollowupItem
{
  GObject  parent_instance;

  char    *section_id;
  char    *item_id;
  guint    number;
  char    *shown;        /* the plan's words it was made with */
  char    *done_before;  /* nullable: the earlier report that said it was done */
};

G_DEFINE_FINAL_TYPE (BcFollowupItem, bc_followup_item, G_TYPE_OBJECT)

static void
bc_followup_item_finalize (GObject *object)
{
  BcFollowupItem *self = BC_FOLLOWUP_ITEM (object);

  g_free (self->section_id);
  g_free (self->item_id);
  g_free (self->shown);
  g_free (self->done_before);
  G_OBJECT_CLASS (bc_followup_item_parent_class)->finalize (object);
}

static void
bc_followup_item_class_init (BcFollowupItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_followup_item_finalize;
}

static void
bc_followup_item_init (BcFollowupItem *self)
{
}

/**
 * bc_followup_item_new:
 * @report: the report whose follow-up it is
 * @number: its place in the follow-up, from 1
 * @done_before: (nullable): the earlier report that said the task was done
 *
 * Returns: (transfer full): the task @item_id of the follow-up @section_id
 */
BcFollowupItem *
bc_followup_item_new (BcReport         *report,
                      const char       *section_id,
                      const char       *item_id,
                      guint             number,
                      const BcTaskDone *done_before)
{
  BcFollowupItem *self = g_object_new (BC_TYPE_FOLLOWUP_ITEM, NULL);
  g_autofree char *content = bc_key_item_field (section_id, item_id, "content");
  g_autofree char *lead = bc_key_item_field (section_id, item_id, "lead");
  g_autofree char *deadline = bc_key_item_field (section_id, item_id, "deadline");

  self->section_id = g_strdup (section_id);
  self->item_id = g_strdup (item_id);
  self->number = number;
  self->shown = g_strjoin ("\n", bc_report_get (report, content), bc_report_get (report, lead),
                           bc_report_get (report, deadline), NULL);
  self->done_before = done_before ? bc_task_done_describe (done_before) : NULL;
  return self;
}

/**
 * bc_followup_item_shows:
 *
 * Returns: whether @self shows @other as it is: the same task at the
 *   same place, with the same words
 */
gboolean
bc_followup_item_shows (BcFollowupItem *self,
                        BcFollowupItem *other)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ITEM (self), FALSE);
  g_return_val_if_fail (BC_IS_FOLLOWUP_ITEM (other), FALSE);
  return g_str_equal (self->item_id, other->item_id) && self->number == other->number
    && g_str_equal (self->shown, other->shown) && g_strcmp0 (self->done_before, other->done_before) == 0;
}

const char *
bc_followup_item_get_item (BcFollowupItem *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ITEM (self), NULL);
  return self->item_id;
}

struct _BcFollowupRow
{
  GtkListBoxRow   parent_instance;

  /* template widgets */
  GtkLabel       *content;
  GtkLabel       *meta;
  GtkDropDown    *status;
  GtkEditable    *date;
  GtkEditable    *note;
  GtkLabel       *undone;

  /* owned */
  BcFollowupItem *item;
  char           *status_key;
  char           *date_key;

  /* borrowed */
  BcEditSession  *session;
};

G_DEFINE_FINAL_TYPE (BcFollowupRow, bc_followup_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
field (BcFollowupRow *self,
       const char    *name)
{
  g_autofree char *key = bc_key_item_field (self->item->section_id, self->item->item_id, name);

  return bc_report_get (bc_edit_session_get_report (self->session), key);
}

/* "Sở Tư pháp · thời hạn: tháng 6 năm 2024 (tháng 6/2024)" */
static char *
describe_meta (BcFollowupRow *self)
{
  const char *deadline = field (self, "deadline");
  BcDeadline parsed;
  g_autofree char *reading = NULL;
  GDate to;

  bc_date_parse (bc_report_get_period_to (bc_edit_session_get_report (self->session)), &to);
  bc_deadline_parse (deadline, g_date_valid (&to) ? g_date_get_year (&to) : 0, &parsed);
  reading = bc_deadline_describe (&parsed);
  if (*deadline == '\0')
    return g_strdup (field (self, "lead"));
  /* Translators: a plan's task: its lead agency, its deadline as written, and how Baocao read it */
  return g_strdup_printf (_("%s · deadline: %s (%s)"), field (self, "lead"), deadline, reading);
}

static void
show_status (BcFollowupRow *self)
{
  BcTaskStatus status;

  bc_task_status_from_string (field (self, "status"), &status);
  if (gtk_drop_down_get_selected (self->status) != (guint) status)
    gtk_drop_down_set_selected (self->status, status);
  /* A task done stays done: set back, the row says when it was done. */
  gtk_widget_set_visible (GTK_WIDGET (self->undone), self->item->done_before != NULL && status != BC_TASK_DONE);
}

static void
status_value_changed_cb (BcReport      *report,
                         const char    *key,
                         BcFollowupRow *self)
{
  show_status (self);
}

/* A task marked done (or found not done) without a date gets today's,
 * in the same edit, so one undo takes both back. */
static void
status_selected_cb (GtkDropDown   *drop_down,
                    GParamSpec    *pspec,
                    BcFollowupRow *self)
{
  BcTaskStatus status = gtk_drop_down_get_selected (drop_down);
  BcTaskStatus stored;
  g_autofree char *today = NULL;
  BcEdit edits[2] = { { self->status_key, NULL }, { self->date_key, NULL } };
  guint n = 1;
  GDate date;

  bc_task_status_from_string (field (self, "status"), &stored);
  if (status >= BC_TASK_N_STATUSES || status == stored)
    return;
  edits[0].value = status == BC_TASK_NOT_STARTED ? NULL : bc_task_status_to_string (status);
  if ((status == BC_TASK_DONE || status == BC_TASK_NOT_DONE) && *field (self, "date") == '\0')
    {
      bc_date_today (&date);
      today = bc_date_to_iso (&date);
      edits[1].value = today;
      n = 2;
    }
  if (!bc_edit_session_apply (self->session, edits, n, NULL))
    show_status (self);
}

static void
bc_followup_row_dispose (GObject *object)
{
  BcFollowupRow *self = BC_FOLLOWUP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_FOLLOWUP_ROW);
  G_OBJECT_CLASS (bc_followup_row_parent_class)->dispose (object);
}

static void
bc_followup_row_finalize (GObject *object)
{
  BcFollowupRow *self = BC_FOLLOWUP_ROW (object);

  g_clear_object (&self->item);
  g_free (self->status_key);
  g_free (self->date_key);
  G_OBJECT_CLASS (bc_followup_row_parent_class)->finalize (object);
}

static void
bc_followup_row_class_init (BcFollowupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_followup_row_dispose;
  object_class->finalize = bc_followup_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-followup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, content);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, meta);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, status);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, date);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, note);
  gtk_widget_class_bind_template_child (widget_class, BcFollowupRow, undone);
}

static void
bc_followup_row_init (BcFollowupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_followup_row_new:
 * @inputs: the report page's inputs, which the row's inputs join
 *
 * Returns: (transfer floating): the row of @item, editing it in the
 *   session of @inputs
 */
GtkWidget *
bc_followup_row_new (BcInputRegistry *inputs,
                     BcFollowupItem  *item)
{
  BcFollowupRow *self = g_object_new (BC_TYPE_FOLLOWUP_ROW, NULL);
  BcEditSession *session = bc_input_registry_get_session (inputs);
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *note_key = bc_key_item_field (item->section_id, item->item_id, "note");
  g_autofree char *signal = NULL;

  self->session = session;
  self->item = g_object_ref (item);
  self->status_key = bc_key_item_field (item->section_id, item->item_id, "status");
  self->date_key = bc_key_item_field (item->section_id, item->item_id, "date");
  content = g_strdup_printf ("(%u) %s", item->number, field (self, "content"));
  bc_ui_label_set_inline (self->content, content);
  meta = describe_meta (self);
  gtk_label_set_text (self->meta, meta);
  gtk_label_set_text (self->undone, item->done_before ? item->done_before : "");
  show_status (self);
  g_signal_connect_object (self->status, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  signal = g_strdup_printf ("value-changed::%s", self->status_key);
  g_signal_connect_object (bc_edit_session_get_report (session), signal,
                           G_CALLBACK (status_value_changed_cb), self, 0);
  bc_input_registry_add (inputs, self->status_key, GTK_WIDGET (self->status));
  bc_set_field_name (GTK_WIDGET (self->date), inputs, _("Date"));
  bc_bind_editable (self->date, inputs, self->date_key, BC_FIELD_DATE);
  bc_set_field_name (GTK_WIDGET (self->note), inputs, _("Note"));
  bc_bind_editable (self->note, inputs, note_key, BC_FIELD_TEXT);
  return GTK_WIDGET (self);
}

GtkDropDown *
bc_followup_row_get_status (BcFollowupRow *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ROW (self), NULL);
  return self->status;
}

GtkEditable *
bc_followup_row_get_date (BcFollowupRow *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ROW (self), NULL);
  return self->date;
}

GtkEditable *
bc_followup_row_get_note (BcFollowupRow *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ROW (self), NULL);
  return self->note;
}

/**
 * bc_followup_row_get_undone:
 *
 * Returns: (nullable): what the row says of a task done in an earlier
 *   report and set back since, or %NULL when it says nothing
 */
const char *
bc_followup_row_get_undone (BcFollowupRow *self)
{
  g_return_val_if_fail (BC_IS_FOLLOWUP_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->undone)) ? gtk_label_get_text (self->undone) : NULL;
}
