/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BcTemplate BcTemplate;
typedef struct _BcReport   BcReport;
typedef struct _BcStore    BcStore;
typedef struct _BcOffice   BcOffice;
typedef struct _BcTableDef BcTableDef;

typedef enum
{
  BC_SECTION_GROUP,
  BC_SECTION_NARRATIVE,
  BC_SECTION_DOCUMENTS,
  BC_SECTION_FIGURES,
  BC_SECTION_TASKS,
  BC_SECTION_CATALOG,
  BC_SECTION_FOLLOWUP,   /* the tasks of the plan in force, with where each stands */
} BcSectionKind;

typedef enum
{
  BC_COLUMN_INTEGER,
  BC_COLUMN_TEXT,
  BC_COLUMN_CHOICE,
  BC_COLUMN_COMPUTED,
  BC_COLUMN_PERCENT,
} BcColumnType;

typedef enum
{
  BC_REGIME_MONTHLY,
  BC_REGIME_QUARTERLY,
  BC_REGIME_ANNUAL,
} BcRegime;

typedef enum
{
  BC_SEVERITY_WARNING,
  BC_SEVERITY_ERROR,
} BcSeverity;

/* The parts of a template: plain structs owned by their BcTemplate and
 * read-only for everybody else. */

typedef struct
{
  char     *id;
  char     *label;
  char     *unit;
  gboolean  cumulative;
  char     *denominator;   /* label of the denominator, or NULL */
  gboolean  may_exceed;    /* the value may be above its denominator (a target) */
  char     *from_months;   /* a report built from its months: an expression over a month's
                            * figures and columns for the value, or NULL (the same key) */
  char     *from_months_den; /* the same for the denominator, or NULL */
  gboolean  additive;      /* a consolidated report sums its units' values of the same id */
} BcFigure;

typedef struct _BcSection BcSection;
struct _BcSection
{
  char          *id;
  char          *number;
  char          *title;
  char          *hint;
  char          *intro;
  char          *empty_text;  /* printed when the section has nothing to say, or NULL: left out */
  char          *list_mark;   /* documents: "-", "+" or ";" (inline, one paragraph); NULL: "-" */
  char          *date_style;  /* documents: "d/m/yyyy", "dd/m/yyyy" or "dd/mm/yyyy"; NULL: the first */
  char         **from_months; /* documents, narrative: the monthly sections whose documents a report
                               * built from its months lists here, or NULL (the section of the same id) */
  char          *lead_label;  /* tasks: the labels of a task's lines; NULL: the defaults */
  char          *cooperating_label;
  char          *deadline_label;
  BcSectionKind  kind;
  gboolean       required;
  gboolean       figure_list; /* figures: print a line per figure before the paragraphs */
  guint          depth;      /* 0 for top-level sections */
  BcSection     *parent;     /* borrowed */
  GPtrArray     *children;   /* BcSection */
  GPtrArray     *figures;    /* BcFigure */
  char          *item_noun;  /* catalog: "mô hình", what an item is */
  BcTableDef    *items;      /* catalog: its items, a table; borrowed */
  gboolean       outcome;    /* followup: print the plan's outcome, not the list */
};

typedef struct
{
  char         *id;
  char         *label;
  char         *group;       /* merged heading above the label, or NULL */
  char         *role;        /* "total", "online", "on_time", "overdue" or NULL */
  BcColumnType  type;
  char        **choices;     /* choice columns */
  char         *numerator;   /* computed columns: column ids */
  char         *denominator;
  gboolean      may_exceed;  /* computed: the ratio may be above 100% */
  gint64        max;         /* integer: the largest count; percent: the largest percentage */
  gboolean      optional;    /* no completeness warning when blank */
  char         *unit;        /* a catalog item's figure: printed after it, or NULL */
  gboolean      cumulative;  /* integer columns: a running total, not counted per period */
} BcColumn;

typedef struct
{
  char     *key;
  char     *number;
  char     *label;
  guint     level;           /* 0 top level, 1 child, 2 grandchild */
  gboolean  heading;         /* group or parent row: carries no figures */
  gboolean  applies;         /* default applicability to this unit */
} BcRow;

struct _BcTableDef
{
  char       *id;
  char       *title;
  char       *caption;
  char       *period_line;   /* "(Từ ngày {from} đến {to})", NULL: none */
  char       *date_style;    /* of {from} and {to}: "d/m/yyyy" (NULL), "dd/m/yyyy", "dd/mm/yyyy" */
  char       *section;       /* NULL: an appendix; else the section whose body holds it */
  gboolean    items;         /* the items of a catalog section, printed as a list */
  char       *name_label;    /* heading of the name column, NULL: the default */
  GPtrArray  *columns;       /* BcColumn */
  GPtrArray  *rows;          /* BcRow, flattened in display order */
  GHashTable *defaults;      /* "row/column" -> value */
  char       *totals_label;  /* NULL: no totals row */
  GHashTable *row_index;     /* key -> BcRow, borrowed */
  GHashTable *column_index;  /* id -> BcColumn, borrowed */
  gboolean    unit_annex;    /* with from_units: the DOCX adds the table by unit after it */
  char      **from_units;    /* a consolidated report: the units' tables summed into it, row by
                              * row (same catalog row ids); NULL: none */
};

typedef struct
{
  char       *id;
  char       *left;
  char       *op;
  char       *right;
  BcSeverity  severity;
  char       *message;
} BcRule;

G_END_DECLS
