/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <stdlib.h>

#include "bc-checker-private.h"
#include "bc-keys.h"

/* The findings in the order of the printed report: the header, the
 * sections depth first, then the appendices; within a section its
 * figures, then its items in their order; within a table its rows and
 * columns; within a text, where in it. Whatever the order the checks ran
 * in, a clerk reads them from the top. */

typedef struct
{
  BcFinding *finding;
  guint      part;        /* 0 the whole report and the header, then sections, then tables */
  guint      place;       /* figure, item or row × column within the part */
  guint      offset;      /* in the text */
  guint      found;       /* the order the checks found it in: ties keep it */
} Position;

typedef struct
{
  BcCheck    *check;
  GHashTable *parts;      /* "sec/<id>", "tbl/<id>" -> position + 1 */
  guint       n_parts;
} Order;

static void
number_sections (Order     *order,
                 GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      g_hash_table_insert (order->parts, bc_key_section (section->id),
                           GUINT_TO_POINTER (++order->n_parts));
      number_sections (order, section->children);
    }
}

static guint
index_of (const char * const *list,
          const char         *item)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], item))
      return i;
  return G_MAXUINT / 2;
}

/* A section's figures come before its items. */
static guint
section_place (Order      *order,
               const char *section_id,
               const char *item)
{
  g_auto(GStrv) items = bc_report_get_list_order (order->check->report, section_id);

  return 1000 + index_of ((const char * const *) items, item);
}

static guint
figure_place (const BcSection *section,
              const char      *figure_id)
{
  for (guint i = 0; i < section->figures->len; i++)
    if (g_str_equal (((BcFigure *) section->figures->pdata[i])->id, figure_id))
      return i;
  return 0;
}

static guint
table_place (const BcTableDef *table,
             const char       *row_key,
             const char       *column_id)
{
  guint row = G_MAXUINT / 4096, column = 0;

  for (guint i = 0; row_key != NULL && i < table->rows->len; i++)
    if (g_str_equal (((BcRow *) table->rows->pdata[i])->key, row_key))
      row = i;
  for (guint i = 0; column_id != NULL && i < table->columns->len; i++)
    if (g_str_equal (((BcColumn *) table->columns->pdata[i])->id, column_id))
      column = i + 1;
  return row * 1024 + column;
}

static void
locate (Order    *order,
        Position *position)
{
  const char *location = bc_finding_get_location (position->finding);
  g_auto(BcKey) key = BC_KEY_INIT;
  const BcSection *section = NULL;
  g_autofree char *part = NULL;
  guint length;

  bc_finding_get_span (position->finding, &position->offset, &length);
  if (bc_key_parse (&key, location) == BC_KEY_NONE || key.n_parts < 2)
    return;
  if (g_str_equal (key.prefix, "fig")
      && bc_template_find_figure (order->check->template, key.id, &section) && section != NULL)
    {
      part = bc_key_section (section->id);
      position->place = figure_place (section, key.id);
    }
  else if (g_str_equal (key.prefix, "sec") || g_str_equal (key.prefix, "tbl"))
    part = bc_key_dup_group (location);
  if (part == NULL)
    return;
  position->part = GPOINTER_TO_UINT (g_hash_table_lookup (order->parts, part));
  if (g_str_equal (key.prefix, "sec") && key.sub != NULL)
    position->place = section_place (order, key.id, key.sub);
  else if (g_str_equal (key.prefix, "tbl"))
    position->place = table_place (bc_template_find_table (order->check->template, key.id),
                                   key.sub, key.field);
}

static int
compare_positions (const void *a,
                   const void *b)
{
  const Position *x = a, *y = b;

  if (x->part != y->part)
    return x->part < y->part ? -1 : 1;
  if (x->place != y->place)
    return x->place < y->place ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->found < y->found ? -1 : x->found > y->found;
}

void
bc_check_sort (BcCheck *check)
{
  GPtrArray *tables = bc_template_get_tables (check->template);
  guint n = check->findings->len;
  g_autofree Position *positions = g_new0 (Position, n);
  Order order = { check, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };

  number_sections (&order, bc_template_get_sections (check->template));
  for (guint i = 0; i < tables->len; i++)
    g_hash_table_insert (order.parts, bc_key_table (((BcTableDef *) tables->pdata[i])->id),
                         GUINT_TO_POINTER (++order.n_parts));
  for (guint i = 0; i < n; i++)
    {
      positions[i].finding = check->findings->pdata[i];
      positions[i].found = i;
      locate (&order, &positions[i]);
    }
  if (n > 1)
    qsort (positions, n, sizeof (Position), compare_positions);
  /* The array owns its findings: put them back in their new order. */
  for (guint i = 0; i < n; i++)
    check->findings->pdata[i] = positions[i].finding;
  g_hash_table_unref (order.parts);
}
