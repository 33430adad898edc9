/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <string.h>

#include "bc-checker-private.h"
#include "bc-inline.h"
#include "bc-keys.h"
#include "bc-narrative-private.h"
#include "bc-refs.h"

/* The figures and dates written in the text.  The paragraphs of a section
 * are read as one text, so that a sentence a paragraph break cut in two
 * ("đạt tỷ lệ" / "108,3%") is still read whole; each finding points at the
 * paragraph and the characters it is about. */

/* A piece is read as printed: its references ("{{fig/…}}") replaced by
 * the numbers they cite, which are right by construction; the numbers
 * typed around them are checked as ever. */
typedef struct
{
  char       *key;
  char       *text;      /* as printed */
  GPtrArray  *refs;      /* BcRef: maps the printed text to the stored one */
  gsize       start;     /* byte offset in the joined text */
  gsize       length;
  char        bullet;    /* '-', '+' by the paragraph's level, or 0 */
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_free (piece->key);
  g_free (piece->text);
  g_clear_pointer (&piece->refs, g_ptr_array_unref);
}

static const Piece *
piece_at (GArray *pieces,
          gsize   byte)
{
  const Piece *found = &g_array_index (pieces, Piece, 0);

  for (guint i = 1; i < pieces->len; i++)
    if (g_array_index (pieces, Piece, i).start <= byte)
      found = &g_array_index (pieces, Piece, i);
  return found;
}

/* @start and @end: byte offsets in the printed piece; the finding points
 * at characters of the stored text (in a cited number: its reference). */
static void
set_span (BcCheck       *check,
          BcFinding     *finding,
          const Piece   *piece,
          const BcClaim *claim)
{
  const char *stored = bc_report_get (check->report, piece->key);
  gsize start = MAX (claim->start, piece->start) - piece->start;
  gsize end = MIN (claim->end, piece->start + piece->length) - piece->start;

  if (end < start)
    end = start;
  start = bc_refs_stored_offset (piece->refs, start);
  end = MAX (start, bc_refs_stored_offset (piece->refs, end));
  bc_finding_set_span (finding, (guint) g_utf8_pointer_to_offset (stored, stored + start),
                       (guint) g_utf8_pointer_to_offset (stored + start, stored + end));
}

static BcFinding *
report_claim (BcCheck       *check,
              GArray        *pieces,
              const BcClaim *claim,
              BcVerdict     *verdict)
{
  const Piece *piece = piece_at (pieces, claim->end > 0 ? claim->end - 1 : 0);
  BcFinding *finding;

  finding = bc_check_add (check, verdict->severity, verdict->rule, piece->key, verdict->tag,
                          "%s", verdict->message);
  set_span (check, finding, piece, claim);
  return finding;
}

/* A total and parts the text gets wrong, for a template rule over key
 * figures holding the same numbers (bc-checker-rules.c).  The first
 * sentence to get them wrong stands for them. */
static void
remember_breakdown (BcCheck       *check,
                    const BcClaim *claim,
                    BcFinding     *finding)
{
  g_autoptr(GArray) parts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), claim->parts->len);
  char *key;

  if (!claim->stated.is_integer)
    return;
  for (guint i = 0; i < claim->parts->len; i++)
    {
      const BcVnNumber *part = &g_array_index (claim->parts, BcVnNumber, i);

      if (!part->is_integer)
        return;
      g_array_append_val (parts, part->integer);
    }
  key = bc_check_parts_key (parts, claim->stated.integer);
  if (g_hash_table_contains (check->breakdowns, key))
    g_free (key);
  else
    g_hash_table_insert (check->breakdowns, key, finding);
}

/**
 * bc_check_cite: (skip)
 * @number: a document number as written, "1350/UBND-CA"
 *
 * The same document cited twice in one report must carry the same date.
 *
 * Returns: (nullable) (transfer none): the finding when the date differs
 *   from the first citation's
 */
BcFinding *
bc_check_cite (BcCheck     *check,
               const char  *number,
               const GDate *date,
               const char  *location)
{
  g_autofree char *upper = g_utf8_strup (number, -1);
  g_autofree char *key = g_utf8_normalize (upper, -1, G_NORMALIZE_NFC);
  g_autofree char *written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *tag = NULL;
  GDate *first;

  if (key == NULL)
    return NULL;
  first = g_hash_table_lookup (check->citations, key);
  if (first == NULL)
    {
      g_hash_table_insert (check->citations, g_steal_pointer (&key), g_memdup2 (date, sizeof *date));
      return NULL;
    }
  if (g_date_compare (first, date) == 0)
    return NULL;
  written = bc_check_format_date (date);
  before = bc_check_format_date (first);
  tag = g_strdup_printf ("%s:%04u-%02u-%02u", key, g_date_get_year (date), g_date_get_month (date),
                         g_date_get_day (date));
  g_strdelimit (tag, "/", '-');
  return bc_check_add (check, BC_SEVERITY_WARNING, "text.citation", location, tag,
                       "Văn bản số %s ghi ngày %s, nơi khác trong báo cáo ghi ngày %s",
                       number, written, before);
}

static void
cite_claim (BcCheck       *check,
            GArray        *pieces,
            const char    *joined,
            const BcClaim *claim)
{
  const Piece *piece = piece_at (pieces, claim->end > 0 ? claim->end - 1 : 0);
  g_autofree char *number = g_strndup (joined + claim->ref_start, claim->ref_end - claim->ref_start);
  BcFinding *finding;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) claim->day, (GDateMonth) claim->month, (GDateYear) claim->year);
  if ((finding = bc_check_cite (check, number, &date, piece->key)) != NULL)
    set_span (check, finding, piece, claim);
}

/* A claim made only of cited numbers ("{{fig/a}} ({{fig/b}} …, {{fig/c}}
 * …)") is the data's own: right by construction as text. Where the data
 * disagrees with itself, the template's rules say so. */
static gboolean
claim_is_bound (GArray        *pieces,
                const char    *joined,
                const BcClaim *claim)
{
  gboolean cites = FALSE;

  for (gsize i = claim->start; i < claim->end; i++)
    {
      gboolean bound = FALSE;

      if (!g_ascii_isdigit (joined[i]))
        continue;
      for (guint p = 0; p < pieces->len && !bound; p++)
        {
          const Piece *piece = &g_array_index (pieces, Piece, p);

          for (guint r = 0; r < piece->refs->len && !bound; r++)
            {
              const BcRef *ref = piece->refs->pdata[r];

              bound = i >= piece->start + ref->out_start && i < piece->start + ref->out_end;
            }
        }
      if (!bound)
        return FALSE;
      cites = TRUE;
    }
  return cites;
}

/* The summary and the closing name the report's month ("tháng 06 năm
 * 2024"), the month of the period's last day as the template's {month}
 * fills it.  A title edited once and carried over to the next period keeps
 * the old month: when none of the months it names is the period's, the
 * first is wrong.  Another month beside the right one may be a plan
 * ("… tháng 6 và phương hướng tháng 7"). */
static void
check_title_month (BcCheck   *check,
                   GArray    *pieces,
                   GPtrArray *claims)
{
  const GDate *to = &check->dates.period_to;
  const BcClaim *first = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *tag = NULL;
  const Piece *piece;
  BcFinding *finding;

  if (!g_date_valid (to) || !g_date_valid (&check->dates.period_from))
    return;
  for (guint i = 0; i < claims->len; i++)
    {
      const BcClaim *claim = claims->pdata[i];

      if (claim->kind != BC_CLAIM_MONTH)
        continue;
      if (claim->month == g_date_get_month (to) && claim->year == g_date_get_year (to))
        return;
      first = first ? first : claim;
    }
  if (first == NULL)
    return;
  from = bc_check_format_date (&check->dates.period_from);
  until = bc_check_format_date (to);
  tag = g_strdup_printf ("%04u-%02u", first->year, first->month);
  piece = piece_at (pieces, first->end - 1);
  finding = bc_check_add (check, BC_SEVERITY_ERROR, "date.title_month", piece->key, tag,
                          "Ghi “tháng %02u/%04u” nhưng báo cáo là của tháng %02u/%04u (kỳ %s–%s)",
                          first->month, first->year, g_date_get_month (to), g_date_get_year (to), from, until);
  set_span (check, finding, piece, first);
}

/* @summary: month names like "tháng 05 năm 2024" are the report's own
 * month only in the summary; elsewhere only "trong tháng ..." is. */
static void
scan_pieces (BcCheck  *check,
             GArray   *pieces,
             gboolean  summary)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GPtrArray) claims = NULL;
  g_autofree BcParagraph *paragraphs = NULL;
  BcNarrativeDates dates = check->dates;
  gboolean monthly = bc_template_get_regime (check->template) == BC_REGIME_MONTHLY;

  if (pieces->len == 0)
    return;
  /* A plan speaks of dates to come. */
  if (g_str_equal (bc_template_get_kind (check->template), "plan"))
    g_date_clear (&dates.report_date, 1);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (i > 0)
        g_string_append (joined, "\n\n");
      piece->start = joined->len;
      g_string_append_len (joined, piece->text, (gssize) piece->length);
    }
  paragraphs = g_new (BcParagraph, pieces->len);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      paragraphs[i] = (BcParagraph) { piece->start, piece->start + piece->length, piece->bullet };
    }
  claims = bc_narrative_scan_paragraphs (joined->str, (gssize) joined->len, paragraphs, pieces->len,
                                         (BcNarrativeFigure *) check->figures->data, check->figures->len);
  for (guint i = 0; i < claims->len; i++)
    {
      const BcClaim *claim = claims->pdata[i];
      BcFinding *finding;
      BcVerdict verdict;

      if (claim->kind == BC_CLAIM_CITATION)
        cite_claim (check, pieces, joined->str, claim);
      /* A monthly report's title names exactly its month (check_title_month). */
      if (claim->kind == BC_CLAIM_MONTH && (summary ? monthly : claim->form != BC_CLAIM_FORM_IN_MONTH))
        continue;
      if (claim_is_bound (pieces, joined->str, claim))
        continue;
      if (!bc_claim_judge (claim, &dates, &verdict))
        continue;
      finding = report_claim (check, pieces, claim, &verdict);
      if ((claim->kind == BC_CLAIM_BREAKDOWN || claim->kind == BC_CLAIM_SUBSET) && claim->parts != NULL)
        remember_breakdown (check, claim, finding);
      bc_verdict_clear (&verdict);
    }
  if (summary && monthly)
    check_title_month (check, pieces, claims);
}

/* A reference that prints no number: the template has no such number, or
 * it is not filled in. */
static void
check_refs (BcCheck     *check,
            const Piece *piece)
{
  const char *stored = bc_report_get (check->report, piece->key);

  for (guint i = 0; i < piece->refs->len; i++)
    {
      const BcRef *ref = piece->refs->pdata[i];
      g_autofree char *label = NULL;
      BcFinding *finding;

      if (ref->status == BC_REF_OK)
        continue;
      if (ref->status == BC_REF_UNKNOWN)
        finding = bc_check_add (check, BC_SEVERITY_ERROR, "text.reference", piece->key, ref->key,
                                "Đoạn văn dẫn số liệu “%s” không có trong mẫu báo cáo", ref->key);
      else
        {
          label = bc_ref_label (check->template, ref->key);
          finding = bc_check_add (check, BC_SEVERITY_WARNING, "text.reference", piece->key, ref->key,
                                  "Đoạn văn dẫn số liệu chưa nhập: %s", label ? label : ref->key);
        }
      bc_finding_set_span (finding, (guint) g_utf8_pointer_to_offset (stored, stored + ref->start),
                           (guint) g_utf8_pointer_to_offset (stored + ref->start, stored + ref->end));
    }
}

static Piece *
add_piece (BcCheck *check,
           GArray  *pieces,
           char    *key)
{
  Piece piece = { key, NULL, NULL, 0, 0, 0 };
  const char *stored = bc_report_get (check->report, key);

  if (*stored == '\0')
    {
      g_free (key);
      return NULL;
    }
  piece.text = bc_refs_render (check->report, stored, &piece.refs);
  /* "**671.290**" reads as the number; the offsets stay where they were. */
  bc_inline_blank_marks (piece.text);
  piece.length = strlen (piece.text);
  check_refs (check, &piece);
  g_array_append_val (pieces, piece);
  return &g_array_index (pieces, Piece, pieces->len - 1);
}

static gboolean
in_reference (GPtrArray     *refs,
              const BcToken *token)
{
  for (guint i = 0; refs && i < refs->len; i++)
    {
      const BcRef *ref = refs->pdata[i];

      if (token->start < ref->out_end && token->end > ref->out_start)
        return TRUE;
    }
  return FALSE;
}

/* The next period's report starts with the last one's paragraphs
 * (bc_store_duplicate_next()): one still word for word as @previous has
 * it says last period's numbers.  The numbers typed in it are listed
 * until the clerk rewrites it; those its references print are this
 * period's, and a number that names ("mức 2", "Đề án 06", "422/QĐ-TTg")
 * is no count. */
typedef struct
{
  const Piece *piece;
  GString     *numbers;
} Carried;

static void
carried_sentence (const char *text,
                  gsize       start,
                  gsize       end,
                  gpointer    data)
{
  Carried *carried = data;
  g_autoptr(GArray) tokens = bc_narrative_tokenize (text, start, end);

  for (guint i = 0; i < tokens->len; i++)
    {
      const BcToken *token = &g_array_index (tokens, BcToken, i);
      const BcToken *before = i > 0 ? &g_array_index (tokens, BcToken, i - 1) : NULL;
      const BcToken *after = i + 1 < tokens->len ? &g_array_index (tokens, BcToken, i + 1) : NULL;

      if ((token->kind != BC_TOK_NUMBER && token->kind != BC_TOK_FRACTION)
          || in_reference (carried->piece->refs, token)
          || (before != NULL && before->kind == BC_TOK_WORD && (before->flags & BC_WORD_QUALIFIER))
          || (before != NULL && before->kind == BC_TOK_WORD && g_str_equal (before->word, "án")) /* "Đề án 06" */
          || (after != NULL && bc_token_is_punct (after, '/')))                              /* "422/QĐ-TTg" */
        continue;
      g_string_append_printf (carried->numbers, "%s%.*s", carried->numbers->len ? ", " : "",
                              (int) (token->end - token->start), text + token->start);
    }
}

static void
check_carried (BcCheck     *check,
               const Piece *piece)
{
  g_autoptr(GString) numbers = NULL;

  if (check->previous == NULL
      || !g_str_equal (bc_report_get (check->report, piece->key), bc_report_get (check->previous, piece->key)))
    return;
  numbers = g_string_new (NULL);
  bc_narrative_digit_sentences (piece->text, piece->length, carried_sentence, &(Carried) { piece, numbers });
  if (numbers->len > 0)
    bc_check_add (check, BC_SEVERITY_WARNING, "narrative.carried", piece->key, NULL,
                  "Đoạn văn giữ nguyên từ kỳ trước, còn số liệu kỳ trước: %s", numbers->str);
}

/* A narrative paragraph, with the bullet its level prints ("1" "-", "2" "+"). */
static void
add_paragraph (BcCheck         *check,
               GArray          *pieces,
               const BcSection *section,
               const char      *item)
{
  g_autofree char *level_key = bc_key_item_field (section->id, item, "level");
  const char *level = bc_report_get (check->report, level_key);
  Piece *piece = add_piece (check, pieces, bc_key_item_field (section->id, item, "text"));

  if (piece == NULL)
    return;
  piece->bullet = g_str_equal (level, "2") ? '+' : g_str_equal (level, "1") ? '-' : 0;
  check_carried (check, piece);
}

static GArray *
pieces_new (void)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_array_set_clear_func (pieces, piece_clear);
  return pieces;
}

static void
scan_one (BcCheck  *check,
          char     *key,
          gboolean  summary)
{
  g_autoptr(GArray) pieces = pieces_new ();

  add_piece (check, pieces, key);
  scan_pieces (check, pieces, summary);
}

/* The text before or after a section's list: the clerk's own, carried
 * from the last period like its paragraphs. */
static void
scan_part (BcCheck *check,
           char    *key)
{
  g_autoptr(GArray) pieces = pieces_new ();
  const Piece *piece = add_piece (check, pieces, key);

  if (piece != NULL)
    check_carried (check, piece);
  scan_pieces (check, pieces, FALSE);
}

static void
check_section (BcCheck         *check,
               const BcSection *section)
{
  g_auto(GStrv) items = bc_report_get_list_order (check->report, section->id);
  g_autoptr(GArray) pieces = pieces_new ();

  if (bc_report_section_is_omitted (check->report, section))
    return;
  /* The clerk's own intro and paragraphs around a list; the template's
   * intro is not hers to correct. */
  if (bc_report_has_section_text (check->report, section, "intro"))
    scan_one (check, bc_key_section_part (section->id, "intro"), FALSE);
  for (const char * const *part = (const char *[]) { "before", "after", NULL }; *part; part++)
    scan_part (check, bc_key_section_part (section->id, *part));
  for (guint i = 0; items[i]; i++)
    switch (section->kind)
      {
      case BC_SECTION_NARRATIVE:
      case BC_SECTION_FIGURES:
        add_paragraph (check, pieces, section, items[i]);
        break;
      case BC_SECTION_DOCUMENTS:
        scan_one (check, bc_key_item_field (section->id, items[i], "summary"), FALSE);
        break;
      case BC_SECTION_TASKS:
        scan_one (check, bc_key_item_field (section->id, items[i], "content"), FALSE);
        break;
      case BC_SECTION_GROUP:
      default:
        break;
      }
  scan_pieces (check, pieces, FALSE);
  for (guint c = 0; c < section->children->len; c++)
    check_section (check, section->children->pdata[c]);
}

static void
check_table_text (BcCheck          *check,
                  const BcTableDef *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];

      if (row->heading)
        continue;
      scan_one (check, bc_key_cell (table->id, row->key, "note"), FALSE);
      for (guint c = 0; c < table->columns->len; c++)
        {
          const BcColumn *column = table->columns->pdata[c];
          if (column->type == BC_COLUMN_TEXT)
            scan_one (check, bc_key_cell (table->id, row->key, column->id), FALSE);
        }
    }
}

/**
 * bc_check_text: (skip)
 *
 * The narrative checks: ratios, breakdowns and dates written in the text
 * of the sections, the documents' summaries, the tables' notes and the
 * header.
 */
void
bc_check_text (BcCheck *check)
{
  GPtrArray *sections = bc_template_get_sections (check->template);
  GPtrArray *tables = bc_template_get_tables (check->template);

  scan_one (check, g_strdup ("header/summary"), TRUE);
  scan_one (check, g_strdup ("header/legal_basis"), FALSE);
  /* "Trên đây là báo cáo … tháng 6 năm 2024./." names the period, as the summary does. */
  scan_one (check, g_strdup ("header/closing"), TRUE);
  for (guint i = 0; i < sections->len; i++)
    check_section (check, sections->pdata[i]);
  for (guint i = 0; i < tables->len; i++)
    check_table_text (check, tables->pdata[i]);
}
