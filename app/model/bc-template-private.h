/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bc-template.h"

G_BEGIN_DECLS

struct _BcTemplate
{
  GObject     parent_instance;

  char       *json;        /* the resolved, self-contained copy */
  char       *id;
  char       *name;
  char       *kind;
  char       *unit_kind;   /* the kind of unit it is written for, or NULL */
  BcRegime    regime;
  guint       cutoff_day;
  guint       due_working_days;
  gboolean    title_period; /* the title prints "(từ … đến …)" under the summary */
  GHashTable *header;      /* "header/<field>" -> default value */
  GPtrArray  *sections;    /* BcSection, top level */
  GPtrArray  *tables;      /* BcTableDef */
  GPtrArray  *rules;       /* BcRule */
  GHashTable *section_index;
  GHashTable *figure_index;  /* id -> BcFigure */
  GHashTable *figure_sections;  /* id -> BcSection that holds it */
  GHashTable *table_index;   /* id -> BcTableDef */
};

gboolean bc_template_load         (BcTemplate  *self,
                                   JsonNode    *root,
                                   const char  *origin,
                                   const char  *catalog_dir,
                                   GError     **error);
void     bc_template_section_free (BcSection   *section);
void     bc_template_table_free   (BcTableDef  *table);
void     bc_template_rule_free    (BcRule      *rule);

G_END_DECLS
