/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include "bc-docx-private.h"

/* The WordprocessingML writer: paragraphs, runs, rules, tables and
 * sections of the document part, as Decree 30/2020/NĐ-CP lays them out.
 * What goes in them is bc-docx-body.c's and bc-docx-table.c's; the
 * package around them is bc-docx.c's. */

static void
int_text (char   *buffer,
          gsize   size,
          gint64  value)
{
  g_snprintf (buffer, size, "%" G_GINT64_FORMAT, value);
}

/* Paragraphs and runs */

void
bc_docx_para_start (BcDocx           *d,
                    const BcDocxPara *para)
{
  BcXmlWriter *x = d->xml;
  char a[24], b[24], c[24], e[24];

  bc_xml_start (x, "w:p", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  if (para->style)
    bc_xml_empty (x, "w:pStyle", "w:val", para->style, NULL);
  d->keep_offset = para->keep_next || d->keep_rows ? 0 : bc_xml_writer_get_offset (x);
  if (para->keep_next || d->keep_rows)
    bc_xml_empty (x, "w:keepNext", NULL);
  if (para->rule > 0)
    {
      int_text (a, sizeof a, para->rule);
      bc_xml_start (x, "w:pBdr", NULL);
      bc_xml_empty (x, "w:top", "w:val", "single", "w:sz", a, "w:space", "1", "w:color", "auto", NULL);
      bc_xml_end (x);
    }
  if (para->spacing)
    {
      int_text (a, sizeof a, para->before);
      int_text (b, sizeof b, para->after);
      bc_xml_empty (x, "w:spacing", "w:before", a, "w:after", b, NULL);
    }
  if (para->left || para->right || para->first_line || para->hanging)
    {
      int_text (a, sizeof a, para->left);
      int_text (b, sizeof b, para->right);
      int_text (c, sizeof c, para->first_line);
      int_text (e, sizeof e, para->hanging);
      if (para->hanging)
        bc_xml_empty (x, "w:ind", "w:left", a, "w:right", b, "w:hanging", e, NULL);
      else
        bc_xml_empty (x, "w:ind", "w:left", a, "w:right", b, "w:firstLine", c, NULL);
    }
  if (para->align)
    bc_xml_empty (x, "w:jc", "w:val", para->align, NULL);
  if (para->mark_size)
    {
      bc_xml_start (x, "w:rPr", NULL);
      bc_xml_val (x, "w:sz", para->mark_size);
      bc_xml_val (x, "w:szCs", para->mark_size);
      bc_xml_end (x);
    }
  bc_xml_end (x);
  bc_docx_anchor_para_start (d);
}

void
bc_docx_para_end (BcDocx *d)
{
  d->para_close = bc_xml_writer_get_offset (d->xml);
  bc_xml_end (d->xml);
  d->cell_has_paragraph = TRUE;
}

/* Keeps the paragraph just written on the page of what follows: the
 * signature never stands alone on the last page. */
void
bc_docx_keep_last (BcDocx *d)
{
  if (d->keep_offset == 0)
    return;
  bc_xml_writer_insert_raw (d->xml, d->keep_offset, "<w:keepNext/>");
  d->keep_offset = 0;
}

static void
run_text (BcXmlWriter *x,
          const char  *text,
          gsize        length)
{
  if (length == 0)
    return;
  bc_xml_start (x, "w:t", "xml:space", "preserve", NULL);
  bc_xml_text (x, text, (gssize) length);
  bc_xml_end (x);
}

/* A run; "\n" in @text breaks the line, "\t" is a tab. */
void
bc_docx_run (BcDocx          *d,
             const BcDocxRun *run,
             const char      *text)
{
  BcXmlWriter *x = d->xml;
  const char *start = text;

  bc_xml_start (x, "w:r", NULL);
  if (run && (run->bold || run->italic || run->size))
    {
      bc_xml_start (x, "w:rPr", NULL);
      if (run->bold)
        bc_xml_empty (x, "w:b", NULL);
      if (run->italic)
        bc_xml_empty (x, "w:i", NULL);
      if (run->size)
        {
          bc_xml_val (x, "w:sz", run->size);
          bc_xml_val (x, "w:szCs", run->size);
        }
      bc_xml_end (x);
    }
  for (const char *p = text; ; p++)
    {
      if (*p != '\0' && *p != '\n' && *p != '\t')
        continue;
      run_text (x, start, (gsize) (p - start));
      if (*p == '\0')
        break;
      bc_xml_empty (x, *p == '\n' ? "w:br" : "w:tab", NULL);
      start = p + 1;
    }
  bc_xml_end (x);
}

void
bc_docx_para (BcDocx           *d,
              const BcDocxPara *para,
              const BcDocxRun  *run,
              const char       *text)
{
  bc_docx_para_start (d, para);
  if (text && *text)
    bc_docx_run (d, run, text);
  bc_docx_para_end (d);
}

/* A centred rule @length twips long under the paragraph before it: an
 * empty, very low paragraph with a top border, indented on both sides. */
void
bc_docx_rule (BcDocx *d,
              int     cell_width,
              int     length)
{
  int side = MAX (0, (cell_width - length) / 2);
  BcDocxPara para = {
    .style = BC_DOCX_STYLE_PLAIN, .left = side, .right = side, .rule = 6, .mark_size = 8,
    .spacing = TRUE, .before = 40,
  };

  bc_docx_para (d, &para, NULL, NULL);
}

/* Tables */

void
bc_docx_table_start (BcDocx    *d,
                     const int *widths,
                     guint      n_columns,
                     gboolean   borders)
{
  BcXmlWriter *x = d->xml;
  const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
  char buffer[24];
  int total = 0;

  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  /* A bordered table is a data table; a borderless one lays out a block. */
  d->cell_valign = borders ? "center" : "top";
  bc_xml_start (x, "w:tbl", NULL);
  bc_xml_start (x, "w:tblPr", NULL);
  int_text (buffer, sizeof buffer, total);
  bc_xml_empty (x, "w:tblW", "w:w", buffer, "w:type", "dxa", NULL);
  bc_xml_empty (x, "w:jc", "w:val", "center", NULL);
  bc_xml_start (x, "w:tblBorders", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    bc_xml_empty (x, sides[i], "w:val", borders ? "single" : "nil",
                  "w:sz", "4", "w:space", "0", "w:color", "auto", NULL);
  bc_xml_end (x);
  bc_xml_empty (x, "w:tblLayout", "w:type", "fixed", NULL);
  int_text (buffer, sizeof buffer, BC_DOCX_CELL_MARGIN);
  bc_xml_start (x, "w:tblCellMar", NULL);
  bc_xml_empty (x, "w:left", "w:w", buffer, "w:type", "dxa", NULL);
  bc_xml_empty (x, "w:right", "w:w", buffer, "w:type", "dxa", NULL);
  bc_xml_end (x);
  /* No banding, no first/last row or column look: Word 2007 knows only the
   * bit mask (0x0200 noHBand | 0x0400 noVBand); the named attributes of
   * Word 2010 are undeclared in its schema, and later Words read the mask. */
  bc_xml_empty (x, "w:tblLook", "w:val", "0600", NULL);
  bc_xml_end (x);
  bc_xml_start (x, "w:tblGrid", NULL);
  for (guint i = 0; i < n_columns; i++)
    {
      int_text (buffer, sizeof buffer, widths[i]);
      bc_xml_empty (x, "w:gridCol", "w:w", buffer, NULL);
    }
  bc_xml_end (x);
}

void
bc_docx_table_end (BcDocx *d)
{
  bc_xml_end (d->xml);
  d->cell_has_paragraph = FALSE;
}

/* @header: repeated at the top of every page the table runs onto */
void
bc_docx_row_start (BcDocx   *d,
                   gboolean  header)
{
  bc_xml_start (d->xml, "w:tr", NULL);
  bc_xml_start (d->xml, "w:trPr", NULL);
  bc_xml_empty (d->xml, "w:cantSplit", NULL);
  if (header)
    bc_xml_empty (d->xml, "w:tblHeader", NULL);
  bc_xml_end (d->xml);
}

void
bc_docx_row_end (BcDocx *d)
{
  bc_xml_end (d->xml);
}

/* @vmerge: NULL, "restart" or "continue" */
void
bc_docx_cell_start (BcDocx     *d,
                    int         width,
                    guint       span,
                    const char *vmerge)
{
  BcXmlWriter *x = d->xml;
  char buffer[24];

  bc_xml_start (x, "w:tc", NULL);
  bc_xml_start (x, "w:tcPr", NULL);
  int_text (buffer, sizeof buffer, width);
  bc_xml_empty (x, "w:tcW", "w:w", buffer, "w:type", "dxa", NULL);
  if (span > 1)
    bc_xml_val (x, "w:gridSpan", span);
  if (vmerge)
    bc_xml_empty (x, "w:vMerge", "w:val", vmerge, NULL);
  bc_xml_empty (x, "w:vAlign", "w:val", d->cell_valign ? d->cell_valign : "top", NULL);
  bc_xml_end (x);
  d->cell_has_paragraph = FALSE;
}

/* Word refuses a cell that does not end with a paragraph. */
void
bc_docx_cell_end (BcDocx *d)
{
  if (!d->cell_has_paragraph)
    bc_xml_empty (d->xml, "w:p", NULL);
  bc_xml_end (d->xml);
  d->cell_has_paragraph = FALSE;
}

/* Sections: A4, Decree 30 margins, the page number in the top margin from
 * page 2 (the first page of the first section has an empty header). */
void
bc_docx_write_sect_pr (BcXmlWriter *x,
                       gboolean     landscape,
                       gboolean     first)
{
  char w[24], h[24], top[24], bottom[24], left[24], right[24], dist[24];

  int_text (w, sizeof w, landscape ? BC_DOCX_PAGE_LONG : BC_DOCX_PAGE_SHORT);
  int_text (h, sizeof h, landscape ? BC_DOCX_PAGE_SHORT : BC_DOCX_PAGE_LONG);
  int_text (top, sizeof top, BC_DOCX_MARGIN_TOP);
  int_text (bottom, sizeof bottom, BC_DOCX_MARGIN_BOTTOM);
  int_text (left, sizeof left, BC_DOCX_MARGIN_LEFT);
  int_text (right, sizeof right, BC_DOCX_MARGIN_RIGHT);
  int_text (dist, sizeof dist, BC_DOCX_HEADER_DIST);

  bc_xml_start (x, "w:sectPr", NULL);
  bc_xml_empty (x, "w:headerReference", "w:type", "default", "r:id", "rIdHeaderPage", NULL);
  if (first)
    bc_xml_empty (x, "w:headerReference", "w:type", "first", "r:id", "rIdHeaderFirst", NULL);
  bc_xml_empty (x, "w:type", "w:val", "nextPage", NULL);
  if (landscape)
    bc_xml_empty (x, "w:pgSz", "w:w", w, "w:h", h, "w:orient", "landscape", NULL);
  else
    bc_xml_empty (x, "w:pgSz", "w:w", w, "w:h", h, NULL);
  bc_xml_empty (x, "w:pgMar", "w:top", top, "w:right", right, "w:bottom", bottom, "w:left", left,
                "w:header", dist, "w:footer", dist, "w:gutter", "0", NULL);
  bc_xml_empty (x, "w:cols", "w:space", "720", NULL);
  if (first)
    bc_xml_empty (x, "w:titlePg", NULL);
  bc_xml_end (x);
}

/* Ends the current section with a tiny paragraph that carries its sectPr. */
void
bc_docx_section (BcDocx   *d,
                 gboolean  landscape,
                 gboolean  first)
{
  bc_xml_start (d->xml, "w:p", NULL);
  bc_xml_start (d->xml, "w:pPr", NULL);
  bc_xml_empty (d->xml, "w:pStyle", "w:val", BC_DOCX_STYLE_PLAIN, NULL);
  bc_xml_start (d->xml, "w:rPr", NULL);
  bc_xml_val (d->xml, "w:sz", 2);
  bc_xml_val (d->xml, "w:szCs", 2);
  bc_xml_end (d->xml);
  bc_docx_write_sect_pr (d->xml, landscape, first);
  bc_xml_end (d->xml);
  bc_xml_end (d->xml);
}
