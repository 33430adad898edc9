/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-export-private.h"
#include "bc-xml-writer.h"

G_BEGIN_DECLS

/* Page geometry in twips (1/20 pt; 1 mm = 56.7 twips), Decree 30/2020. */
#define BC_DOCX_PAGE_SHORT     11906   /* A4: 210 mm */
#define BC_DOCX_PAGE_LONG      16838   /* 297 mm */
#define BC_DOCX_MARGIN_TOP     1134    /* 20 mm */
#define BC_DOCX_MARGIN_BOTTOM  1134    /* 20 mm */
#define BC_DOCX_MARGIN_LEFT    1701    /* 30 mm */
#define BC_DOCX_MARGIN_RIGHT   851     /* 15 mm */
#define BC_DOCX_HEADER_DIST    567     /* page number 10 mm from the top */
#define BC_DOCX_TEXT_WIDTH     (BC_DOCX_PAGE_SHORT - BC_DOCX_MARGIN_LEFT - BC_DOCX_MARGIN_RIGHT)
#define BC_DOCX_WIDE_WIDTH     (BC_DOCX_PAGE_LONG - BC_DOCX_MARGIN_LEFT - BC_DOCX_MARGIN_RIGHT)
#define BC_DOCX_CELL_MARGIN    85      /* 1.5 mm left and right in a cell */

/* Font sizes in half-points. */
#define BC_DOCX_SIZE_BODY      28      /* 14 pt */
#define BC_DOCX_SIZE_HEADER    26      /* 13 pt */
#define BC_DOCX_SIZE_TABLE     24      /* 12 pt */
#define BC_DOCX_SIZE_CC        22      /* 11 pt */

/* Paragraph styles of styles.xml */
#define BC_DOCX_STYLE_BODY     "BodyText"
#define BC_DOCX_STYLE_PLAIN    "Plain"        /* no indent, no spacing */
#define BC_DOCX_STYLE_CELL     "TableText"
#define BC_DOCX_STYLE_NOTE     "FootnoteText"
#define BC_DOCX_STYLE_NOTE_REF "FootnoteReference"  /* a character style */
#define BC_DOCX_SIZE_NOTE      24      /* 12 pt */

typedef struct _BcDocxComments BcDocxComments;

typedef struct
{
  BcXmlWriter    *xml;
  BcReport       *report;
  const char     *cell_valign;    /* of the current table's cells */
  gboolean        cell_has_paragraph;
  gsize           keep_offset;    /* where the last paragraph's keepNext goes, 0: none */
  gboolean        keep_rows;      /* every paragraph keeps with the next: a table's
                                   * last rows stay on the page of its totals */
  BcDocxComments *comments;       /* NULL: the document has no comments */
  gsize           para_close;     /* where the last paragraph's </w:p> is */
  BcXmlWriter    *notes;          /* word/footnotes.xml, NULL: no note yet */
  guint           n_notes;
  GPtrArray      *unit_names;     /* a consolidated report's units, NULL: not one */
  GHashTable     *parts;          /* with unit_names: key -> GPtrArray of BcRollupPart */
} BcDocx;

typedef struct
{
  const char *style;       /* NULL: Normal */
  const char *align;       /* "center", "both", "left", "right"; NULL: the style's */
  int         left;
  int         right;
  int         first_line;
  int         hanging;
  gboolean    spacing;     /* write before/after (twips) */
  int         before;
  int         after;
  gboolean    keep_next;
  int         rule;        /* > 0: a rule above the text, in eighths of a point */
  int         mark_size;   /* half-points of the paragraph mark; 0: the style's */
} BcDocxPara;

typedef struct
{
  gboolean bold;
  gboolean italic;
  int      size;           /* half-points; 0: the style's */
} BcDocxRun;

void  bc_docx_para_start     (BcDocx            *d,
                              const BcDocxPara  *para);
void  bc_docx_para_end       (BcDocx            *d);
void  bc_docx_keep_last      (BcDocx            *d);
void  bc_docx_run            (BcDocx            *d,
                              const BcDocxRun   *run,
                              const char        *text);
void  bc_docx_para           (BcDocx            *d,
                              const BcDocxPara  *para,
                              const BcDocxRun   *run,
                              const char        *text);
void  bc_docx_rule           (BcDocx            *d,
                              int                cell_width,
                              int                length);
void  bc_docx_table_start    (BcDocx            *d,
                              const int         *widths,
                              guint              n_columns,
                              gboolean           borders);
void  bc_docx_table_end      (BcDocx            *d);
void  bc_docx_row_start      (BcDocx            *d,
                              gboolean           header);
void  bc_docx_row_end        (BcDocx            *d);
void  bc_docx_cell_start     (BcDocx            *d,
                              int                width,
                              guint              span,
                              const char        *vmerge);
void  bc_docx_cell_end       (BcDocx            *d);
void  bc_docx_section        (BcDocx            *d,
                              gboolean           landscape,
                              gboolean           first);
void  bc_docx_write_sect_pr  (BcXmlWriter       *x,
                              gboolean           landscape,
                              gboolean           first);

/* bc-docx-text.c */
int   bc_docx_text_width     (const char        *text,
                              int                size,
                              gboolean           bold);
char *bc_docx_balance_lines  (const char        *text,
                              int                width,
                              int                size,
                              gboolean           bold);

/* bc-docx-body.c */
void  bc_docx_write_heading  (BcDocx            *d);
void  bc_docx_write_body     (BcDocx            *d);
void  bc_docx_write_line     (BcDocx            *d,
                              const BcDocxPara  *para,
                              const char        *line);
void  bc_docx_write_followup (BcDocx            *d,
                              const BcSection   *section);
void  bc_docx_write_closing  (BcDocx            *d);

/* bc-docx-table.c */
void  bc_docx_write_appendix (BcDocx            *d,
                              const BcTableDef  *def);
void  bc_docx_write_body_table (BcDocx          *d,
                                const BcTableDef *def);
void  bc_docx_write_unit_annex (BcDocx          *d,
                                const BcTableDef *def);
void  bc_docx_write_missing_units (BcDocx       *d);

/* bc-docx-notes.c */
void    bc_docx_footnote         (BcDocx        *d,
                                  const char    *text);
GBytes *bc_docx_footnotes_finish (BcDocx        *d);

/* bc-docx-comments.c: an anchor is a report key (a value key, "sec/<id>",
 * "tbl/<id>", "tbl/<id>/<row>", "" for the title) named before the
 * paragraphs it covers; the comments about it are ranged over them. */
BcDocxComments *bc_docx_comments_new           (BcReport              *report,
                                                const BcExportOptions *options);
void            bc_docx_comments_free          (BcDocxComments        *self);
void            bc_docx_comments_place         (BcDocxComments        *self);
GBytes         *bc_docx_comments_part          (BcDocxComments        *self);
GBytes         *bc_docx_comments_extended_part (BcDocxComments        *self);
void            bc_docx_anchor                 (BcDocx                *d,
                                                const char            *key);
void            bc_docx_anchor_end             (BcDocx                *d);
void            bc_docx_anchor_para_start      (BcDocx                *d);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcDocxComments, bc_docx_comments_free)

G_END_DECLS
