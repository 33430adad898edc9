/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-unit-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-keys.h"
#include "bc-period.h"
#include "bc-ui-utils.h"
#include "bc-unit-row.h"

/* A unit expected to report for a period, as the units' reports window
 * lists it: received (its status and its findings), late, missing, or
 * sent again after the province's report was made. */
struct _BcUnitItem
{
  GObject    parent_instance;

  GPtrArray *units;    /* BcExpectedUnit, shared by the window's items */
  guint      index;
};

G_DEFINE_FINAL_TYPE (BcUnitItem, bc_unit_item, G_TYPE_OBJECT)

static void
bc_unit_item_finalize (GObject *object)
{
  BcUnitItem *self = BC_UNIT_ITEM (object);

  g_ptr_array_unref (self->units);
  G_OBJECT_CLASS (bc_unit_item_parent_class)->finalize (object);
}

static void
bc_unit_item_class_init (BcUnitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_unit_item_finalize;
}

static void
bc_unit_item_init (BcUnitItem *self)
{
}

/**
 * bc_unit_item_new:
 * @units: (element-type BcExpectedUnit): bc_store_list_expected()'s units,
 *   with the counts of findings the library keeps for their reports
 *
 * Returns: (transfer full): the item of the @index-th unit
 */
BcUnitItem *
bc_unit_item_new (GPtrArray *units,
                  guint      index)
{
  BcUnitItem *self = g_object_new (BC_TYPE_UNIT_ITEM, NULL);

  g_return_val_if_fail (index < units->len, self);
  self->units = g_ptr_array_ref (units);
  self->index = index;
  return self;
}

const BcExpectedUnit *
bc_unit_item_get_unit (BcUnitItem *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ITEM (self), NULL);
  return self->units->pdata[self->index];
}

/**
 * bc_unit_item_shows_same:
 *
 * Returns: whether @self and @other show the same: a refresh keeps the
 *   row of an item that did not change
 */
gboolean
bc_unit_item_shows_same (BcUnitItem *self,
                         BcUnitItem *other)
{
  const BcExpectedUnit *a = bc_unit_item_get_unit (self);
  const BcExpectedUnit *b = bc_unit_item_get_unit (other);

  return g_str_equal (a->unit, b->unit) && a->state == b->state && a->report_id == b->report_id
         && g_strcmp0 (a->status, b->status) == 0 && g_strcmp0 (a->received, b->received) == 0
         && g_strcmp0 (a->sender, b->sender) == 0 && g_strcmp0 (a->deadline, b->deadline) == 0
         && a->after_consolidation == b->after_consolidation && a->errors == b->errors
         && a->warnings == b->warnings;
}

/* -1: not counted (a library that cannot be written to, its report
 * changed since it was counted) */
int
bc_unit_item_get_errors (BcUnitItem *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ITEM (self), -1);
  return bc_unit_item_get_unit (self)->errors;
}

int
bc_unit_item_get_warnings (BcUnitItem *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ITEM (self), -1);
  return bc_unit_item_get_unit (self)->warnings;
}

/**
 * bc_unit_item_dup_state:
 *
 * Returns: (transfer full): "Received", "Late", "Missing", and "sent
 *   again after consolidation" after either of the first two
 */
char *
bc_unit_item_dup_state (BcUnitItem *self)
{
  const BcExpectedUnit *u = bc_unit_item_get_unit (self);
  const char *state;

  switch (u->state)
    {
    case BC_EXPECTED_MISSING:
      return g_strdup (_("Missing"));
    case BC_EXPECTED_LATE:
      state = _("Late");
      break;
    case BC_EXPECTED_RECEIVED:
    default:
      state = _("Received");
      break;
    }
  if (u->after_consolidation)
    /* Translators: a unit's report: received (or late), then sent again after the province's report was made */
    return g_strdup_printf (_("%s · sent again after consolidation"), state);
  return g_strdup (state);
}

/**
 * bc_unit_item_dup_detail:
 *
 * Returns: (transfer full): when it came and who sent it, its status
 *   and its findings; for a missing unit, its deadline when known
 */
char *
bc_unit_item_dup_detail (BcUnitItem *self)
{
  const BcExpectedUnit *u = bc_unit_item_get_unit (self);
  g_autofree char *when = NULL, *deadline = NULL, *errors = NULL, *warnings = NULL;

  if (u->state == BC_EXPECTED_MISSING)
    return g_strdup (_("No report received for this period"));
  when = u->received ? bc_ui_format_timestamp (u->received) : g_strdup (_("written in this library"));
  deadline = u->deadline ? bc_date_to_display (u->deadline) : g_strdup ("—");
  if (u->errors < 0 || u->warnings < 0)
    /* Translators: a unit's report: received when, sent by whom, its status, due when (its findings not counted) */
    return g_strdup_printf (_("Received %s · from %s · %s · due %s · findings not counted"), when,
                            u->sender ? u->sender : u->unit, bc_key_status_label (u->status), deadline);
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", (gulong) u->errors), (guint) u->errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", (gulong) u->warnings), (guint) u->warnings);
  /* Translators: a unit's report: received when, sent by whom, its status, due when, its findings */
  return g_strdup_printf (_("Received %s · from %s · %s · due %s · %s, %s"), when, u->sender ? u->sender : u->unit,
                          bc_key_status_label (u->status), deadline, errors, warnings);
}

struct _BcUnitRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkLabel      *name;
  GtkLabel      *detail;
  GtkLabel      *state;

  /* owned */
  BcUnitItem    *item;
};

G_DEFINE_FINAL_TYPE (BcUnitRow, bc_unit_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_unit (BcUnitRow *self)
{
  const BcExpectedUnit *u = bc_unit_item_get_unit (self->item);
  g_autofree char *state = bc_unit_item_dup_state (self->item);
  g_autofree char *detail = bc_unit_item_dup_detail (self->item);

  gtk_label_set_text (self->name, u->unit);
  gtk_label_set_text (self->state, state);
  gtk_label_set_text (self->detail, detail);
  if (u->state == BC_EXPECTED_MISSING)
    gtk_widget_add_css_class (GTK_WIDGET (self->state), "error");
  else if (u->state == BC_EXPECTED_LATE || u->after_consolidation)
    gtk_widget_add_css_class (GTK_WIDGET (self->state), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->state), "success");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), u->report_id > 0);
}

static void
bc_unit_row_dispose (GObject *object)
{
  BcUnitRow *self = BC_UNIT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_UNIT_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_unit_row_parent_class)->dispose (object);
}

static void
bc_unit_row_class_init (BcUnitRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_unit_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-unit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcUnitRow, name);
  gtk_widget_class_bind_template_child (widget_class, BcUnitRow, detail);
  gtk_widget_class_bind_template_child (widget_class, BcUnitRow, state);
}

static void
bc_unit_row_init (BcUnitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_unit_row_new:
 *
 * Returns: (transfer floating): the row of @item
 */
GtkWidget *
bc_unit_row_new (BcUnitItem *item)
{
  BcUnitRow *self = g_object_new (BC_TYPE_UNIT_ROW, NULL);

  self->item = g_object_ref (item);
  show_unit (self);
  return GTK_WIDGET (self);
}

BcUnitItem *
bc_unit_row_get_item (BcUnitRow *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ROW (self), NULL);
  return self->item;
}

const char *
bc_unit_row_get_state (BcUnitRow *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ROW (self), NULL);
  return gtk_label_get_text (self->state);
}

const char *
bc_unit_row_get_detail (BcUnitRow *self)
{
  g_return_val_if_fail (BC_IS_UNIT_ROW (self), NULL);
  return gtk_label_get_text (self->detail);
}
