/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include <string.h>

#include "bc-docx-private.h"
#include "bc-document-utils.h"
#include "bc-inline.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-refs.h"
#include "bc-template.h"

/* The text of the report: the Decree 30 heading (bodies, quốc hiệu and
 * tiêu ngữ, number, place and date, title), the numbered sections, and the
 * closing with "Nơi nhận" beside the signature. Documents are Vietnamese
 * and never translated. */

#define HEADER_LEFT    4000                              /* 7.05 cm */
#define HEADER_RIGHT   (BC_DOCX_TEXT_WIDTH - HEADER_LEFT)
#define CLOSING_LEFT   4400                              /* 7.8 cm */
#define CLOSING_RIGHT  (BC_DOCX_TEXT_WIDTH - CLOSING_LEFT)
#define INNER(w)       ((w) - 2 * BC_DOCX_CELL_MARGIN)
/* "Độc lập - Tự do - Hạnh phúc" in Times New Roman bold 13 pt: its rule is
 * exactly as long. */
#define MOTTO_WIDTH    3183
/* An average capital of Times New Roman bold 13 pt. */
#define CAPITAL_WIDTH  183
#define RECIPIENT_LABEL 1701                             /* "Kính gửi:" at 3 cm */
#define RECIPIENT_LIST  2948                             /* the list at 5.2 cm */

static const BcDocxPara centred = { .style = BC_DOCX_STYLE_PLAIN, .align = "center" };
static const BcDocxPara body = { .style = BC_DOCX_STYLE_BODY };

/* Decree 30 sizes: the supervising body and the quốc hiệu 12 pt (they fit
 * on one line), the issuing body, tiêu ngữ, number and date 13 pt. */
static const BcDocxRun header_small = { .size = BC_DOCX_SIZE_TABLE };
static const BcDocxRun header_small_bold = { .bold = TRUE, .size = BC_DOCX_SIZE_TABLE };
static const BcDocxRun header_regular = { .size = BC_DOCX_SIZE_HEADER };
static const BcDocxRun header_bold = { .bold = TRUE, .size = BC_DOCX_SIZE_HEADER };
static const BcDocxRun bold = { .bold = TRUE };

static const char *
header (BcDocx     *d,
        const char *field)
{
  return bc_export_get_header (d->report, field);
}

static char *
upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

/* A paragraph that comments about @key are ranged over */
static void
para_about (BcDocx           *d,
            const char       *key,
            const BcDocxPara *para,
            const BcDocxRun  *run,
            const char       *text)
{
  bc_docx_anchor (d, key);
  bc_docx_para (d, para, run, text);
  bc_docx_anchor_end (d);
}

/* The short rule under the issuing body: 40 % of its longest line. */
static int
issuer_rule_length (const char *issuer)
{
  g_auto(GStrv) lines = g_strsplit (issuer, "\n", -1);
  glong longest = 0;

  for (guint i = 0; lines[i]; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1));
  return CLAMP ((int) (longest * CAPITAL_WIDTH * 2 / 5), 1134, INNER (HEADER_LEFT) / 2);
}

static void
header_cell_bodies (BcDocx *d)
{
  g_autofree char *supervising_up = upper (header (d, "supervising_body"));
  g_autofree char *issuing_up = upper (header (d, "issuing_body"));
  g_autofree char *supervising = bc_docx_balance_lines (supervising_up, INNER (HEADER_LEFT),
                                                        header_small.size, FALSE);
  g_autofree char *issuing = bc_docx_balance_lines (issuing_up, INNER (HEADER_LEFT),
                                                    header_bold.size, TRUE);

  bc_docx_cell_start (d, HEADER_LEFT, 1, NULL);
  if (*supervising)
    para_about (d, "header/supervising_body", &centred, &header_small, supervising);
  para_about (d, "header/issuing_body", &centred, &header_bold, issuing);
  if (*issuing)
    bc_docx_rule (d, INNER (HEADER_LEFT), issuer_rule_length (issuing));
  bc_docx_cell_end (d);
}

static void
header_cell_motto (BcDocx *d)
{
  bc_docx_cell_start (d, HEADER_RIGHT, 1, NULL);
  bc_docx_para (d, &centred, &header_small_bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  bc_docx_para (d, &centred, &header_bold, "Độc lập - Tự do - Hạnh phúc");
  bc_docx_rule (d, INNER (HEADER_RIGHT), MOTTO_WIDTH);
  bc_docx_cell_end (d);
}

static void
header_row_number_date (BcDocx *d)
{
  static const BcDocxPara spaced = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .spacing = TRUE, .before = 120,
  };
  static const BcDocxRun date_run = { .italic = TRUE, .size = BC_DOCX_SIZE_HEADER };
  g_autofree char *number = bc_export_number_symbol (d->report);
  g_autofree char *line = g_strdup_printf ("Số: %s", number);
  g_autofree char *place_date = bc_export_place_date (d->report);
  char *comma = strstr (place_date, ", ngày");

  /* A long place name: the date goes on its own line, as by hand. */
  if (comma && bc_docx_text_width (place_date, date_run.size, FALSE) > INNER (HEADER_RIGHT))
    comma[1] = '\n';

  bc_docx_row_start (d, FALSE);
  bc_docx_cell_start (d, HEADER_LEFT, 1, NULL);
  bc_docx_anchor (d, "header/number");
  para_about (d, "header/symbol", &spaced, &header_regular, line);
  bc_docx_cell_end (d);
  bc_docx_cell_start (d, HEADER_RIGHT, 1, NULL);
  bc_docx_anchor (d, "header/place");
  para_about (d, "header/date", &spaced, &date_run, place_date);
  bc_docx_cell_end (d);
  bc_docx_row_end (d);
}

static void
write_header_block (BcDocx *d)
{
  const int widths[] = { HEADER_LEFT, HEADER_RIGHT };

  bc_docx_table_start (d, widths, G_N_ELEMENTS (widths), FALSE);
  bc_docx_row_start (d, FALSE);
  header_cell_bodies (d);
  header_cell_motto (d);
  bc_docx_row_end (d);
  header_row_number_date (d);
  bc_docx_table_end (d);
}

static void
write_title (BcDocx *d)
{
  static const BcDocxPara doc_type_para = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .spacing = TRUE, .before = 360, .keep_next = TRUE,
  };
  static const BcDocxPara summary_para = { .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE };
  g_autofree char *doc_type = upper (header (d, "doc_type"));
  BcTemplate *template = bc_report_get_template (d->report);

  /* Comments about the whole report go on the title. */
  bc_docx_anchor (d, "");
  para_about (d, "header/doc_type", &doc_type_para, &bold, doc_type);
  para_about (d, "header/summary", &summary_para, &bold, header (d, "summary"));
  /* Seed 000 prints its period under the title; the annual reports name
   * their year in the summary and print none. */
  if (g_strcmp0 (bc_template_get_kind (template), "report") == 0 && bc_template_get_title_period (template))
    {
      g_autofree char *from = bc_date_to_display (bc_report_get_period_from (d->report));
      g_autofree char *to = bc_date_to_display (bc_report_get_period_to (d->report));
      g_autofree char *period = g_strdup_printf ("(từ %s đến %s)", from, to);

      bc_docx_para (d, &summary_para, NULL, period);
    }
  bc_docx_rule (d, BC_DOCX_TEXT_WIDTH, BC_DOCX_TEXT_WIDTH / 3);
}

/* "Văn phòng Chính phủ" → "- Văn phòng Chính phủ;" ("." on the last line) */
static char *
list_line (const char *text,
           gboolean    last)
{
  g_autofree char *item = g_strdup (text);
  gsize n = strlen (item);

  while (n > 0 && strchr (";.,", item[n - 1]) != NULL)
    item[--n] = '\0';
  return g_strdup_printf ("- %s%s", item, last ? "." : ";");
}

static void
write_recipient_lines (BcDocx *d)
{
  g_auto(GStrv) recipients = bc_export_get_lines (d->report, "recipients");
  guint n = g_strv_length (recipients);
  BcDocxPara first = {
    .style = BC_DOCX_STYLE_PLAIN, .left = RECIPIENT_LIST, .hanging = RECIPIENT_LIST - RECIPIENT_LABEL,
    .spacing = TRUE, .before = 240, .after = 0,
  };
  BcDocxPara next = { .style = BC_DOCX_STYLE_PLAIN, .left = RECIPIENT_LIST };

  if (n == 0)
    return;
  if (n == 1)
    {
      BcDocxPara one = { .style = BC_DOCX_STYLE_PLAIN, .align = "center", .spacing = TRUE, .before = 240 };
      g_autofree char *line = list_line (recipients[0], TRUE);
      g_autofree char *text = g_strdup_printf ("Kính gửi: %s", line + 2);

      bc_docx_para (d, &one, NULL, text);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = list_line (recipients[i], i == n - 1);
      g_autofree char *text = i == 0 ? g_strdup_printf ("Kính gửi:\t%s", line) : g_strdup (line);

      bc_docx_para (d, i == 0 ? &first : &next, NULL, text);
    }
}

static void
write_recipients (BcDocx *d)
{
  bc_docx_anchor (d, "header/recipients");
  write_recipient_lines (d);
  bc_docx_anchor_end (d);
}

/* The text of one paragraph: its "**bold**" and "*italic*" words as runs
 * of their own. */
static void
write_runs (BcDocx     *d,
            const char *line)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *plain = bc_inline_parse (line, &spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const BcInlineSpan *span = &g_array_index (spans, BcInlineSpan, i);
      BcDocxRun run = { .bold = span->bold, .italic = span->italic };
      g_autofree char *piece = g_strndup (plain + span->start, span->end - span->start);

      bc_docx_run (d, span->bold || span->italic ? &run : NULL, piece);
    }
}

static void
write_line (BcDocx           *d,
            const BcDocxPara *para,
            const char       *line)
{
  bc_docx_para_start (d, para);
  write_runs (d, line);
  bc_docx_para_end (d);
}

/* A paragraph of @line, its inline bold and italic marks made runs. */
void
bc_docx_write_line (BcDocx           *d,
                    const BcDocxPara *para,
                    const char       *line)
{
  write_line (d, para, line);
}

/* A comment on a key figure goes where a sentence cites it (the figure
 * has no line of its own). */
static void
anchor_cited_figures (BcDocx    *d,
                      GPtrArray *refs)
{
  for (guint i = 0; i < refs->len; i++)
    {
      const BcRef *ref = refs->pdata[i];
      g_auto(BcKey) cited = BC_KEY_INIT;
      g_autofree char *figure = NULL;

      bc_key_parse (&cited, ref->key);
      if (!g_str_equal (cited.prefix, "fig") || cited.n_parts < 2)
        continue;
      figure = bc_key_figure (cited.id, FALSE);
      bc_docx_anchor (d, figure);
      if (cited.sub != NULL && g_str_equal (cited.sub, "den"))
        bc_docx_anchor (d, ref->key);
    }
}

/* "…, cụ thể:" (emphasis marks aside) introduces what follows, and is
 * never left at the foot of a page without it. */
static gboolean
introduces (const char *line)
{
  const char *end = line + strlen (line);

  while (end > line && (end[-1] == '*' || g_ascii_isspace (end[-1])))
    end--;
  return end > line && end[-1] == ':';
}

/* Each line of @text is a paragraph; @prefix goes before the first, and
 * the reference marks of @notes (one footnote a line, may be %NULL) end
 * the last. The numbers it cites ("{{fig/…}}") are printed from the data. */
static void
write_noted_text (BcDocx           *d,
                  const BcDocxPara *para,
                  const char       *prefix,
                  const char       *text,
                  const char       *notes)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *rendered = bc_refs_render (d->report, text, &refs);
  g_auto(GStrv) lines = g_strsplit (rendered, "\n", -1);
  g_auto(GStrv) cited = g_strsplit (notes ? notes : "", "\n", -1);
  gboolean first = TRUE;
  gint last = -1;

  anchor_cited_figures (d, refs);

  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      last = (gint) i;
  for (gint i = 0; i <= last; i++)
    {
      g_autofree char *shown = NULL;
      BcDocxPara kept;

      if (*lines[i] == '\0')
        continue;
      if (first && prefix && !g_str_has_prefix (lines[i], prefix))
        shown = g_strconcat (prefix, lines[i], NULL);
      else
        shown = g_strdup (lines[i]);
      kept = *para;
      kept.keep_next = kept.keep_next || introduces (shown);
      bc_docx_para_start (d, &kept);
      write_runs (d, shown);
      for (guint n = 0; i == last && cited[n]; n++)
        if (*g_strstrip (cited[n]) != '\0')
          bc_docx_footnote (d, cited[n]);
      bc_docx_para_end (d);
      first = FALSE;
    }
}

static void
write_text (BcDocx           *d,
            const BcDocxPara *para,
            const char       *prefix,
            const char       *text)
{
  write_noted_text (d, para, prefix, text, NULL);
}

void
bc_docx_write_heading (BcDocx *d)
{
  BcDocxPara opening = { .style = BC_DOCX_STYLE_BODY, .spacing = TRUE, .before = 240, .after = 120 };

  write_header_block (d);
  write_title (d);
  write_recipients (d);
  bc_docx_anchor (d, "header/legal_basis");
  write_text (d, &opening, NULL, header (d, "legal_basis"));
  bc_docx_anchor_end (d);
}

static gboolean
ends_with_stop (const char *text)
{
  gsize n = strlen (text);
  return n > 0 && strchr (".;:!?", text[n - 1]) != NULL;
}

static const char *
item_field (BcDocx     *d,
            const char *section,
            const char *item,
            const char *field)
{
  g_autofree char *key = bc_key_item_field (section, item, field);
  return bc_report_get (d->report, key);
}

/* The heading as the report has it: the template's number and words, or
 * the clerk's; numbers are never made up (a section left out leaves a
 * gap the clerk closes by renumbering, if she wants to). */
static void
write_heading (BcDocx          *d,
               const BcSection *section)
{
  BcDocxPara para = { .style = section->depth == 0 ? "Heading1" : section->depth == 1 ? "Heading2" : "Heading3" };
  g_autofree char *heading = bc_report_dup_section_heading (d->report, section);
  g_autofree char *text = section->depth == 0 ? upper (heading) : g_strdup (heading);
  g_autofree char *key = bc_key_section (section->id);
  g_autofree char *title_key = bc_key_section_part (section->id, "title");

  if (*text == '\0')
    return;
  bc_docx_anchor (d, key);
  para_about (d, title_key, &para, NULL, text);
}

/* A part of a section that is free text: its intro, the paragraphs
 * before and after a list; one paragraph per line. */
static void
write_section_text (BcDocx          *d,
                    const BcSection *section,
                    const char      *part)
{
  g_autofree char *text = bc_report_dup_section_text (d->report, section, part);
  g_autofree char *key = bc_key_section_part (section->id, part);

  bc_docx_anchor (d, key);
  write_text (d, &body, NULL, text);
  bc_docx_anchor_end (d);
}

static void
write_body_tables (BcDocx           *d,
                   const BcSection  *section,
                   const char       *item,
                   char            **order)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (d->report));

  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];
      g_autofree char *key = NULL;
      const char *after;

      if (table->items || g_strcmp0 (table->section, section->id) != 0)
        continue;
      key = bc_key_row (table->id, "after");
      after = bc_report_get (d->report, key);
      if (item != NULL ? g_str_equal (after, item) : !g_strv_contains ((const char * const *) order, after))
        bc_docx_write_body_table (d, table);
    }
}

static void
write_narrative (BcDocx          *d,
                 const BcSection *section)
{
  g_auto(GStrv) order = bc_report_get_list_order (d->report, section->id);
  g_auto(GStrv) marks = bc_report_paragraph_marks (d->report, section->id);

  for (guint i = 0; order[i]; i++)
    {
      g_autofree char *key = bc_key_item (section->id, order[i]);

      bc_docx_anchor (d, key);
      write_noted_text (d, &body, marks[i], item_field (d, section->id, order[i], "text"),
                        item_field (d, section->id, order[i], "footnote"));
      bc_docx_anchor_end (d);
      write_body_tables (d, section, order[i], order);
    }
}

static const char *
cell_field (BcDocx           *d,
            const BcTableDef *items,
            const BcRow      *row,
            const char       *column)
{
  g_autofree char *key = bc_key_cell (items->id, row->key, column);
  return bc_report_get (d->report, key);
}

/* "(1) Nhóm … (bao gồm 02 mô hình)": the count from the catalog. */
static void
write_catalog_group (BcDocx          *d,
                     const BcSection *section,
                     guint            index)
{
  const BcTableDef *items = section->items;
  const BcRow *group = items->rows->pdata[index];
  g_autofree char *line = NULL;
  g_autofree char *key = bc_key_row (items->id, group->key);
  guint n = 0;

  for (guint i = index + 1; i < items->rows->len && ((BcRow *) items->rows->pdata[i])->level > group->level; i++)
    n += !((BcRow *) items->rows->pdata[i])->heading;
  line = g_strdup_printf ("(%s) %s (bao gồm %02u %s)", group->number, group->label, n, section->item_noun);
  para_about (d, key, &body, &bold, line);
}

/* ", 1.234 điểm": the item's figures after its result */
static void
append_item_figures (BcDocx           *d,
                     const BcTableDef *items,
                     const BcRow      *row,
                     GString          *line)
{
  for (guint c = 0; c < items->columns->len; c++)
    {
      const BcColumn *column = items->columns->pdata[c];
      g_autofree char *key = bc_key_cell (items->id, row->key, column->id);
      g_autofree char *value = NULL;
      gint64 count;

      if (column->type != BC_COLUMN_INTEGER || !bc_export_get_count (d->report, key, &count))
        continue;
      value = bc_format_int (count);
      g_string_append_printf (line, "%s%s: %s%s%s", line->len ? "; " : "", column->label, value,
                              column->unit ? " " : "", column->unit ? column->unit : "");
    }
}

/* "+ Mô hình 3: <title>: <result>": an item with no result yet prints
 * its title alone. */
static void
write_catalog_item (BcDocx          *d,
                    const BcSection *section,
                    const BcRow     *row)
{
  const BcTableDef *items = section->items;
  g_autofree char *noun = bc_export_sentence_case (section->item_noun);
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *key = bc_key_row (items->id, row->key);
  const char *result = cell_field (d, items, row, "result");

  append_item_figures (d, items, row, figures);
  g_string_printf (line, "%s %s: %s", noun, row->number, row->label);
  if (*result || figures->len)
    g_string_append (line, ": ");
  g_string_append (line, result);
  if (figures->len)
    g_string_append_printf (line, "%s%s", *result ? " (" : "", figures->str);
  if (figures->len && *result)
    g_string_append (line, ")");
  if (!ends_with_stop (line->str))
    g_string_append_c (line, '.');
  bc_docx_anchor (d, key);
  write_text (d, &body, "+ ", line->str);
  bc_docx_anchor_end (d);
}

static void
write_catalog (BcDocx          *d,
               const BcSection *section)
{
  const BcTableDef *items = section->items;

  for (guint i = 0; i < items->rows->len; i++)
    {
      const BcRow *row = items->rows->pdata[i];

      if (!bc_report_row_applies (d->report, items->id, row->key))
        continue;
      if (row->heading)
        write_catalog_group (d, section, i);
      else
        write_catalog_item (d, section, row);
    }
}


/* A document's sentence with the section's list mark: "- …", "+ …", or
 * without one for an inline list. */
static char *
document_line (BcDocx          *d,
               const BcSection *section,
               const char      *item)
{
  g_autofree char *sentence = bc_document_dup_sentence (d->report, section->id, item);
  const char *mark = section->list_mark ? section->list_mark : "-";
  const char *words = g_str_has_prefix (sentence, "- ") ? sentence + 2 : sentence;
  g_autofree char *line = g_str_equal (mark, ";") ? g_strdup (words) : g_strconcat (mark, " ", words, NULL);

  return bc_refs_render (d->report, line, NULL);
}

static gboolean
document_is_empty (BcDocx          *d,
                   const BcSection *section,
                   const char      *item)
{
  for (const char * const *f = bc_key_item_fields (BC_SECTION_DOCUMENTS); *f; f++)
    if (*item_field (d, section->id, item, *f) != '\0')
      return FALSE;
  return TRUE;
}

/* Seed 001's form: the intro and the documents in one paragraph,
 * "…, cụ thể: Công văn số … về …; Công văn số … về …." */
static void
write_documents_inline (BcDocx           *d,
                        const BcSection  *section,
                        char            **order)
{
  g_autofree char *intro = bc_report_dup_section_text (d->report, section, "intro");
  g_autofree char *intro_key = bc_key_section_part (section->id, "intro");
  GString *line = g_string_new (g_strstrip (intro));

  for (guint i = 0, n = 0; order[i]; i++)
    {
      g_autofree char *sentence = NULL;
      gsize len;

      if (document_is_empty (d, section, order[i]))
        continue;
      sentence = document_line (d, section, order[i]);
      len = strlen (sentence);
      if (len > 0 && sentence[len - 1] == '.')
        sentence[len - 1] = '\0';
      g_string_append (line, n++ == 0 ? (line->len ? " " : "") : "; ");
      g_string_append (line, sentence);
    }
  g_string_append_c (line, '.');
  bc_docx_anchor (d, intro_key);
  write_line (d, &body, line->str);
  bc_docx_anchor_end (d);
  g_string_free (line, TRUE);
}

static void
write_documents (BcDocx          *d,
                 const BcSection *section)
{
  g_auto(GStrv) order = bc_report_get_list_order (d->report, section->id);

  if (section->list_mark && g_str_equal (section->list_mark, ";"))
    {
      write_documents_inline (d, section, order);
      return;
    }
  for (guint i = 0; order[i]; i++)
    {
      g_autofree char *line = NULL;
      g_autofree char *key = NULL;

      if (document_is_empty (d, section, order[i]))
        continue;
      line = document_line (d, section, order[i]);
      key = bc_key_item (section->id, order[i]);
      bc_docx_anchor (d, key);
      write_line (d, &body, line);
      bc_docx_anchor_end (d);
    }
}

/* "- <label>: 671.290/615.198 <unit>, đạt 109,12%." with the figures bold */
static void
write_figure (BcDocx         *d,
              const BcFigure *figure)
{
  g_autofree char *key = bc_key_figure (figure->id, FALSE);
  g_autofree char *den_key = bc_key_figure (figure->id, TRUE);
  g_autofree char *label = bc_report_dup_figure_label (d->report, figure);
  g_autofree char *lead = g_strdup_printf ("- %s: ", label);
  g_autofree char *value_text = NULL;
  gint64 value, den;
  gboolean has_den;

  if (!bc_export_get_count (d->report, key, &value))
    return;
  has_den = figure->denominator != NULL && bc_export_get_count (d->report, den_key, &den);
  value_text = bc_format_int (value);
  bc_docx_anchor (d, key);
  bc_docx_para_start (d, &body);
  bc_docx_run (d, NULL, lead);
  bc_docx_run (d, &bold, value_text);
  if (has_den)
    {
      g_autofree char *den_text = bc_format_int (den);
      g_autofree char *percent = bc_export_percent (value, den);

      bc_docx_run (d, NULL, "/");
      bc_docx_run (d, &bold, den_text);
      if (figure->unit && *figure->unit)
        {
          g_autofree char *unit = g_strconcat (" ", figure->unit, NULL);
          bc_docx_run (d, NULL, unit);
        }
      if (percent)
        {
          bc_docx_run (d, NULL, ", đạt ");
          bc_docx_run (d, &bold, percent);
        }
    }
  else if (figure->unit && *figure->unit)
    {
      g_autofree char *unit = g_strconcat (" ", figure->unit, NULL);
      bc_docx_run (d, NULL, unit);
    }
  bc_docx_run (d, NULL, ".");
  bc_docx_para_end (d);
  bc_docx_anchor_end (d);
}

static void
write_task_line (BcDocx     *d,
                 const char *item_key,
                 const char *field,
                 const char *label,
                 const char *value)
{
  g_autofree char *line = NULL;
  g_autofree char *key = NULL;

  if (*value == '\0')
    return;
  line = g_strdup_printf ("- %s: %s%s", label, value, ends_with_stop (value) ? "" : ".");
  key = g_strconcat (item_key, "/", field, NULL);
  bc_docx_anchor (d, key);
  write_text (d, &body, NULL, line);
  bc_docx_anchor_end (d);
}

/* "(1) content", then the lead agency, the cooperating ones, the deadline. */
static void
write_tasks (BcDocx          *d,
             const BcSection *section)
{
  g_auto(GStrv) order = bc_report_get_list_order (d->report, section->id);
  guint n = 0;

  for (guint i = 0; order[i]; i++)
    {
      const char *content = item_field (d, section->id, order[i], "content");
      const char *lead = item_field (d, section->id, order[i], "lead");
      const char *cooperating = item_field (d, section->id, order[i], "cooperating");
      const char *deadline = item_field (d, section->id, order[i], "deadline");
      g_autofree char *number = NULL;
      g_autofree char *key = NULL;
      g_autofree char *content_key = NULL;

      if (!*content && !*lead && !*cooperating && !*deadline)
        continue;
      number = g_strdup_printf ("(%u) ", ++n);
      key = bc_key_item (section->id, order[i]);
      content_key = g_strconcat (key, "/content", NULL);
      bc_docx_anchor (d, key);
      bc_docx_anchor (d, content_key);
      write_text (d, &body, number, content);
      bc_docx_anchor_end (d);
      write_task_line (d, key, "lead", section->lead_label ? section->lead_label : "Cơ quan chủ trì", lead);
      write_task_line (d, key, "cooperating",
                       section->cooperating_label ? section->cooperating_label : "Cơ quan phối hợp", cooperating);
      write_task_line (d, key, "deadline",
                       section->deadline_label ? section->deadline_label : "Thời gian thực hiện", deadline);
    }
}

static gboolean
ends_with_colon (const char *text)
{
  g_autofree char *copy = g_strchomp (g_strdup (text));
  gsize n = strlen (copy);

  return n > 0 && copy[n - 1] == ':';
}

/* A section with nothing to say this period: its heading and the
 * template's "nothing this period" sentence, or nothing at all; an intro
 * leading into a list ("… cụ thể:") is never left hanging. */
static gboolean
write_empty_section (BcDocx          *d,
                     const BcSection *section)
{
  g_autofree char *intro = NULL;
  g_autofree char *key = NULL;

  if (bc_report_section_has_content (d->report, section))
    return FALSE;
  if (section->empty_text == NULL)
    return TRUE;
  write_heading (d, section);
  intro = bc_report_dup_section_text (d->report, section, "intro");
  if (!ends_with_colon (intro))
    write_section_text (d, section, "intro");
  key = bc_key_section (section->id);
  bc_docx_anchor (d, key);
  write_text (d, &body, NULL, section->empty_text);
  bc_docx_anchor_end (d);
  return TRUE;
}

static void
write_section (BcDocx          *d,
               const BcSection *section)
{
  if (bc_report_section_is_omitted (d->report, section) || write_empty_section (d, section))
    return;
  write_heading (d, section);
  /* What goes before a list comes before the intro that leads into it
   * ("… như sau:"), as in seed 001 I.1. */
  if (section->kind == BC_SECTION_DOCUMENTS || section->kind == BC_SECTION_TASKS)
    write_section_text (d, section, "before");
  if (!(section->list_mark && g_str_equal (section->list_mark, ";")))
    write_section_text (d, section, "intro");
  switch (section->kind)
    {
    case BC_SECTION_NARRATIVE:
      write_narrative (d, section);
      break;
    case BC_SECTION_DOCUMENTS:
      write_documents (d, section);
      write_section_text (d, section, "after");
      break;
    case BC_SECTION_FIGURES:
      /* Each number said once: a figure the clerk's paragraphs cite is
       * printed in its sentence; a line per figure where the template
       * asks for the list, or where no paragraph cites it. */
      for (guint i = 0; i < section->figures->len; i++)
        if (bc_report_figure_prints_line (d->report, section, section->figures->pdata[i]))
          write_figure (d, section->figures->pdata[i]);
      write_narrative (d, section);
      break;
    case BC_SECTION_TASKS:
      write_tasks (d, section);
      write_section_text (d, section, "after");
      break;
    case BC_SECTION_CATALOG:
      /* The opening paragraphs, then the catalog's items. */
      write_narrative (d, section);
      write_catalog (d, section);
      break;
    case BC_SECTION_FOLLOWUP:
      bc_docx_write_followup (d, section);
      break;
    case BC_SECTION_GROUP:
    default:
      break;
    }
  {
    /* Only paragraphs place a table after them (write_narrative()). */
    gboolean paragraphs = bc_key_item_fields (section->kind) == bc_key_item_fields (BC_SECTION_NARRATIVE);
    g_auto(GStrv) order = paragraphs ? bc_report_get_list_order (d->report, section->id) : g_new0 (char *, 1);

    write_body_tables (d, section, NULL, order);
  }
  for (guint i = 0; i < section->children->len; i++)
    write_section (d, section->children->pdata[i]);
}

void
bc_docx_write_body (BcDocx *d)
{
  GPtrArray *sections = bc_template_get_sections (bc_report_get_template (d->report));

  for (guint i = 0; i < sections->len; i++)
    write_section (d, sections->pdata[i]);
}

static void
closing_recipients (BcDocx *d)
{
  static const BcDocxRun label = { .bold = TRUE, .italic = TRUE, .size = 24 };
  static const BcDocxRun line_run = { .size = BC_DOCX_SIZE_CC };
  static const BcDocxPara left = { .style = BC_DOCX_STYLE_PLAIN };
  g_auto(GStrv) cc = bc_export_get_lines (d->report, "cc");
  guint n = g_strv_length (cc);

  bc_docx_cell_start (d, CLOSING_LEFT, 1, NULL);
  bc_docx_anchor (d, "header/cc");
  bc_docx_para (d, &left, &label, "Nơi nhận:");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = list_line (cc[i], i == n - 1);
      bc_docx_para (d, &left, &line_run, line);
    }
  bc_docx_anchor_end (d);
  bc_docx_cell_end (d);
}

/* The line of the authority: a collective body takes the "TM." on its own
 * line ("TM. TỔ CÔNG TÁC ĐỀ ÁN 06" / "TỔ TRƯỞNG"), so the head's line
 * carries only the other authorities ("KT. CHỦ TỊCH"). */
static char *
authority_line (BcDocx *d)
{
  const char *authority = header (d, "signer_authority");
  g_autofree char *line = NULL;

  if (*header (d, "signer_body") && g_str_equal (authority, "TM."))
    authority = "";
  line = g_strjoin (" ", authority, header (d, "signer_authority_title"), NULL);
  return upper (g_strstrip (line));
}

/* "TM. TỔ CÔNG TÁC ĐỀ ÁN 06" / "KT. TỔ TRƯỞNG" / "PHÓ TỔ TRƯỞNG" / space to
 * sign / "CHỦ TỊCH UBND THÀNH PHỐ" / the name: each line only when set. */
static void
closing_signature (BcDocx *d)
{
  static const BcDocxPara after_space = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .spacing = TRUE, .before = 1700,
  };
  g_autofree char *body_line = g_strconcat ("TM. ", header (d, "signer_body"), NULL);
  g_autofree char *body_up = upper (body_line);
  g_autofree char *authority_up = authority_line (d);
  g_autofree char *title = upper (header (d, "signer_title"));
  g_autofree char *title2 = upper (header (d, "signer_title2"));

  bc_docx_cell_start (d, CLOSING_RIGHT, 1, NULL);
  if (*header (d, "signer_body"))
    para_about (d, "header/signer_body", &centred, &bold, body_up);
  if (*authority_up)
    {
      bc_docx_anchor (d, "header/signer_authority");
      para_about (d, "header/signer_authority_title", &centred, &bold, authority_up);
    }
  if (*title)
    para_about (d, "header/signer_title", &centred, &bold, title);
  if (*title2)
    para_about (d, "header/signer_title2", &after_space, &bold, title2);
  para_about (d, "header/signer_name", *title2 ? &centred : &after_space, &bold, header (d, "signer_name"));
  bc_docx_cell_end (d);
}

void
bc_docx_write_closing (BcDocx *d)
{
  static const BcDocxPara gap = { .style = BC_DOCX_STYLE_PLAIN, .keep_next = TRUE };
  const int widths[] = { CLOSING_LEFT, CLOSING_RIGHT };

  /* "Trên đây là báo cáo …./." ends the text, kept with the signature. */
  bc_docx_anchor (d, "header/closing");
  write_text (d, &body, NULL, header (d, "closing"));
  bc_docx_anchor_end (d);
  bc_docx_keep_last (d);
  bc_docx_para (d, &gap, NULL, NULL);
  bc_docx_table_start (d, widths, G_N_ELEMENTS (widths), FALSE);
  bc_docx_row_start (d, FALSE);
  closing_recipients (d);
  closing_signature (d);
  bc_docx_row_end (d);
  bc_docx_table_end (d);
}
