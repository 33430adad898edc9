/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-outline-row"

#include "config.h"

#include "bc-outline-row.h"

/* A part of the report in the page's outline: the header, a section (its
 * number, heading, and whether it is left out) or a table, with the
 * count of the findings in it. The page keeps the items in a GListModel
 * and changes only the ones that changed; each row shows its item. */
struct _BcOutlineItem
{
  GObject        parent_instance;

  BcOutlineKind  kind;
  gconstpointer  part;      /* BcSection or BcTableDef, borrowed from the template */
  guint          depth;
  char          *number;
  char          *title;
  char          *caption;
  gboolean       dimmed;
  guint          count;
};

G_DEFINE_FINAL_TYPE (BcOutlineItem, bc_outline_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_TEXT,
  ITEM_PROP_COUNT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
bc_outline_item_finalize (GObject *object)
{
  BcOutlineItem *self = BC_OUTLINE_ITEM (object);

  g_free (self->number);
  g_free (self->title);
  g_free (self->caption);
  G_OBJECT_CLASS (bc_outline_item_parent_class)->finalize (object);
}

static void
bc_outline_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BcOutlineItem *self = BC_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TEXT:
      g_value_set_string (value, self->title);
      break;
    case ITEM_PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_outline_item_class_init (BcOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_outline_item_finalize;
  object_class->get_property = bc_outline_item_get_property;

  /* The title; notified when the number, title, caption or dimming changed. */
  item_properties[ITEM_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The findings not explained in the part. */
  item_properties[ITEM_PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
bc_outline_item_init (BcOutlineItem *self)
{
}

static BcOutlineItem *
item_new (BcOutlineKind  kind,
          gconstpointer  part,
          guint          depth,
          const char    *number,
          const char    *title,
          const char    *caption)
{
  BcOutlineItem *self = g_object_new (BC_TYPE_OUTLINE_ITEM, NULL);

  self->kind = kind;
  self->part = part;
  self->depth = depth;
  self->number = g_strdup (number ? number : "");
  self->title = g_strdup (title ? title : "");
  self->caption = g_strdup (caption ? caption : "");
  return self;
}

/**
 * bc_outline_item_new_header:
 *
 * Returns: (transfer full): the item of the report's header
 */
BcOutlineItem *
bc_outline_item_new_header (const char *title,
                            const char *caption)
{
  return item_new (BC_OUTLINE_HEADER, NULL, 0, NULL, title, caption);
}

/**
 * bc_outline_item_new_section:
 * @section: borrowed: the template must outlive the item
 *
 * Returns: (transfer full): the item of @section, with the template's
 *   number and title until bc_outline_item_set_text()
 */
BcOutlineItem *
bc_outline_item_new_section (const BcSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  return item_new (BC_OUTLINE_SECTION, section, section->depth, section->number, section->title, NULL);
}

/**
 * bc_outline_item_new_table:
 * @table: borrowed: the template must outlive the item
 * @title: what the row says
 * @depth: 0 for an appendix, one more than its section's for a table in a section
 *
 * Returns: (transfer full): the item of @table
 */
BcOutlineItem *
bc_outline_item_new_table (const BcTableDef *table,
                           const char       *title,
                           guint             depth)
{
  g_return_val_if_fail (table != NULL, NULL);
  return item_new (BC_OUTLINE_TABLE, table, depth, NULL, title, table->caption);
}

BcOutlineKind
bc_outline_item_get_kind (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), BC_OUTLINE_HEADER);
  return self->kind;
}

/**
 * bc_outline_item_get_section:
 *
 * Returns: (transfer none) (nullable): the section, %NULL if the item is not one
 */
const BcSection *
bc_outline_item_get_section (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), NULL);
  return self->kind == BC_OUTLINE_SECTION ? self->part : NULL;
}

/**
 * bc_outline_item_get_table:
 *
 * Returns: (transfer none) (nullable): the table, %NULL if the item is not one
 */
const BcTableDef *
bc_outline_item_get_table (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), NULL);
  return self->kind == BC_OUTLINE_TABLE ? self->part : NULL;
}

guint
bc_outline_item_get_depth (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), 0);
  return self->depth;
}

const char *
bc_outline_item_get_number (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), NULL);
  return self->number;
}

const char *
bc_outline_item_get_title (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), NULL);
  return self->title;
}

/**
 * bc_outline_item_get_caption:
 *
 * Returns: the line under the title; "" for none
 */
const char *
bc_outline_item_get_caption (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), NULL);
  return self->caption;
}

gboolean
bc_outline_item_get_dimmed (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), FALSE);
  return self->dimmed;
}

static gboolean
replace (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

/**
 * bc_outline_item_set_text:
 * @caption: (nullable): shown under the title when not empty
 * @dimmed: the title is dimmed (a section left out)
 *
 * What the report prints now; "text" is notified only if it changed.
 */
void
bc_outline_item_set_text (BcOutlineItem *self,
                          const char    *number,
                          const char    *title,
                          const char    *caption,
                          gboolean       dimmed)
{
  gboolean changed = FALSE;

  g_return_if_fail (BC_IS_OUTLINE_ITEM (self));

  changed |= replace (&self->number, number);
  changed |= replace (&self->title, title);
  changed |= replace (&self->caption, caption);
  changed |= self->dimmed != !!dimmed;
  self->dimmed = !!dimmed;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_TEXT]);
}

guint
bc_outline_item_get_count (BcOutlineItem *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (self), 0);
  return self->count;
}

void
bc_outline_item_set_count (BcOutlineItem *self,
                           guint          count)
{
  g_return_if_fail (BC_IS_OUTLINE_ITEM (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_COUNT]);
}

struct _BcOutlineRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkWidget     *box;
  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkLabel      *caption_label;
  GtkLabel      *badge;

  /* owned */
  BcOutlineItem *item;
};

G_DEFINE_FINAL_TYPE (BcOutlineRow, bc_outline_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_text (BcOutlineRow *self)
{
  BcOutlineItem *item = self->item;
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->number_label, item->number);
  gtk_label_set_text (self->title_label, item->title);
  gtk_label_set_text (self->caption_label, item->caption);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), *item->caption != '\0');
  if (item->dimmed)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
  /* The title and caption are cut to one line each: whole here. A
   * section's caption only says it is left out, which the row shows. */
  tooltip = *item->caption != '\0' && item->kind != BC_OUTLINE_SECTION
            ? g_strdup_printf ("%s\n%s", item->title, item->caption) : g_strdup (item->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
show_count (BcOutlineRow *self)
{
  g_autofree char *text = g_strdup_printf ("%u", self->item->count);

  gtk_label_set_text (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->item->count > 0);
}

static void
item_notify_cb (BcOutlineRow *self,
                GParamSpec   *pspec)
{
  if (pspec == item_properties[ITEM_PROP_COUNT])
    show_count (self);
  else
    show_text (self);
}

static void
bc_outline_row_dispose (GObject *object)
{
  BcOutlineRow *self = BC_OUTLINE_ROW (object);

  /* The row unparents its child, the template's only widget. */
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_outline_row_parent_class)->dispose (object);
}

static void
bc_outline_row_class_init (BcOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_outline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcOutlineRow, box);
  gtk_widget_class_bind_template_child (widget_class, BcOutlineRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, BcOutlineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcOutlineRow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, BcOutlineRow, badge);
}

static void
bc_outline_row_init (BcOutlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_outline_row_new:
 * @item: the part the row shows, and opens
 *
 * Returns: (transfer floating): a row that follows @item's changes
 */
GtkWidget *
bc_outline_row_new (BcOutlineItem *item)
{
  BcOutlineRow *self;

  g_return_val_if_fail (BC_IS_OUTLINE_ITEM (item), NULL);

  self = g_object_new (BC_TYPE_OUTLINE_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_widget_set_margin_start (self->box, 12 * (int) item->depth);
  /* Sections keep a number's place, for their headings to line up. */
  if (*item->number != '\0' || item->kind == BC_OUTLINE_SECTION)
    {
      gtk_label_set_width_chars (self->number_label, item->depth == 0 ? 3 : 4);
      if (item->depth == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "heading");
      gtk_widget_set_visible (GTK_WIDGET (self->number_label), TRUE);
    }
  if (item->depth == 0 && item->kind == BC_OUTLINE_SECTION)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  show_text (self);
  show_count (self);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * bc_outline_row_get_item:
 *
 * Returns: (transfer none): the part the row shows
 */
BcOutlineItem *
bc_outline_row_get_item (BcOutlineRow *self)
{
  g_return_val_if_fail (BC_IS_OUTLINE_ROW (self), NULL);
  return self->item;
}
