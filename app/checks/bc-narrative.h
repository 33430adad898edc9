/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* The free-text scanner: finds the figures a clerk wrote into prose and the
 * claims they make ("671.290/615.198 tài khoản, đạt tỷ lệ 108,3%",
 * "1.478 (545 DVCTT toàn trình, 941 DVCTT một phần)", "Tính đến
 * 17/5/2023"), so the checker can verify them.  Recognising too little is
 * safe; recognising a claim that is not there is a false alarm, so every
 * pattern is narrow on purpose. */

/**
 * BcVnNumber:
 * @value: the number (97.61 for "97,61%")
 * @integer: the value when @is_integer
 * @decimals: digits written after the decimal separator
 * @is_integer: no decimal part was written
 * @is_percent: a "%" follows
 * @start: byte offset of the first digit
 * @end: byte offset after the number (and its "%")
 *
 * A number as written in Vietnamese text: "1.234" (a dot groups
 * thousands), "1.234,5" (a comma starts the decimals), "97,61%", and the
 * stray "98.08%" (a dot before one or two digits and a percent sign).
 */
typedef struct
{
  double   value;
  gint64   integer;
  guint    decimals;
  gboolean is_integer;
  gboolean is_percent;
  gsize    start;
  gsize    end;
} BcVnNumber;

typedef enum
{
  BC_CLAIM_RATIO,       /* numerator / denominator was written as percent */
  BC_CLAIM_BREAKDOWN,   /* total = sum of parts */
  BC_CLAIM_SUBSET,      /* "N ..., trong đó a ...": a ≤ N */
  BC_CLAIM_AS_OF,       /* "tính đến dd/mm/yyyy" */
  BC_CLAIM_MONTH,       /* "trong tháng mm/yyyy", "tháng m năm yyyy" */
  BC_CLAIM_CITATION,    /* "1350/UBND-CA ngày 23/3/2024": a document and its date */
  BC_CLAIM_COUNT,       /* "gồm 09 ngân hàng: …": a count of the items listed */
} BcClaimKind;

typedef enum
{
  BC_CLAIM_FORM_FRACTION,      /* "a/b ... đạt z%" */
  BC_CLAIM_FORM_PERCENT_FIRST, /* "z% (a/b)" */
  BC_CLAIM_FORM_IN_WHICH,      /* "N ..., trong đó a ..." */
  BC_CLAIM_FORM_FIGURE,        /* "a ..., đạt tỷ lệ z%" with a known figure a/b */
  BC_CLAIM_FORM_PARENTHESES,   /* "N (x A, y B)" */
  BC_CLAIM_FORM_NAMELY,        /* "N ..., cụ thể: a ..., b ..." */
  BC_CLAIM_FORM_DATE,          /* the date claims */
  BC_CLAIM_FORM_IN_MONTH,      /* "trong tháng ..." */
  BC_CLAIM_FORM_FAR,           /* "N ... (a long stretch) ... (label x, label y)" */
  BC_CLAIM_FORM_IMPLIED,       /* "a/b ..., c ..., đạt tỷ lệ z%": c over a base of the sentence */
  BC_CLAIM_FORM_GROUPS,        /* "N ... Trong đó:" then one "+" paragraph per group */
  BC_CLAIM_FORM_LIST,          /* "gồm 09 ngân hàng: A, B, …" */
  BC_CLAIM_FORM_ITEMS,         /* "(bao gồm 02 mô hình)" then one paragraph per item */
} BcClaimForm;

/**
 * BcClaim:
 * @kind: what is claimed
 * @form: the wording it was recognised in
 * @start: byte offset of the claim in the scanned text
 * @end: byte offset after it
 * @stated: %BC_CLAIM_RATIO: the written percentage;
 *   %BC_CLAIM_BREAKDOWN, %BC_CLAIM_SUBSET: the total N
 * @numerator: %BC_CLAIM_RATIO: a
 * @denominator: %BC_CLAIM_RATIO: b (from the text, or the figure's
 *   denominator for %BC_CLAIM_FORM_FIGURE)
 * @parts: (element-type BcVnNumber): %BC_CLAIM_BREAKDOWN, %BC_CLAIM_SUBSET;
 *   %BC_CLAIM_FORM_IMPLIED: every base the sentence uses
 * @complete: %BC_CLAIM_BREAKDOWN: the parts are known to be all of the
 *   total (the groups' other figures add up), so less is wrong too
 * @listed: %BC_CLAIM_COUNT: how many items are listed (@stated: how many
 *   the text says; @ref: what they are, "ngân hàng")
 * @day: %BC_CLAIM_AS_OF, %BC_CLAIM_CITATION: day of month
 * @month: %BC_CLAIM_AS_OF, %BC_CLAIM_MONTH, %BC_CLAIM_CITATION: 1–12
 * @year: %BC_CLAIM_AS_OF, %BC_CLAIM_MONTH, %BC_CLAIM_CITATION
 * @ref_start: %BC_CLAIM_CITATION: byte offset of the document number
 * @ref_end: %BC_CLAIM_CITATION: byte offset after it
 * @ref: %BC_CLAIM_CITATION: the document number as written
 *
 * A citation is wrong when its document is dated after the report; the
 * checker also compares the citations of one document across the report.
 */
typedef struct
{
  BcClaimKind  kind;
  BcClaimForm  form;
  gsize        start;
  gsize        end;
  BcVnNumber   stated;
  BcVnNumber   numerator;
  BcVnNumber   denominator;
  GArray      *parts;
  gboolean     complete;
  guint        listed;
  guint        day;
  guint        month;
  guint        year;
  gsize        ref_start;
  gsize        ref_end;
  char        *ref;
} BcClaim;

/**
 * BcNarrativeFigure:
 * @value: a key figure of the report
 * @denominator: what it is measured against
 *
 * A key figure with its denominator, so that "1.047.545 tài khoản, đạt tỷ
 * lệ thu nhận 170%" can be checked against the figure's own denominator.
 */
typedef struct
{
  gint64 value;
  gint64 denominator;
} BcNarrativeFigure;

/**
 * BcNarrativeDates:
 * @period_from: first day of the reporting period (cleared: unknown)
 * @period_to: last day of the reporting period (cleared: unknown)
 * @report_date: the date the report is signed (cleared: unknown)
 */
typedef struct
{
  GDate period_from;
  GDate period_to;
  GDate report_date;
} BcNarrativeDates;

/**
 * BcParagraph:
 * @start: byte offset of the paragraph's first character in the text
 * @end: byte offset after its last
 * @bullet: '-' or '+' when it is a bullet of that level, else 0
 *
 * A paragraph of a scanned text, for the claims that read a paragraph
 * with the ones after it ("Trong đó:" and one "+" paragraph per group).
 */
typedef struct
{
  gsize start;
  gsize end;
  char  bullet;
} BcParagraph;

/**
 * BcVerdict:
 * @severity: how bad
 * @rule: the rule id ("narrative.ratio", "date.as_of", ...)
 * @message: (transfer full): Vietnamese, naming the numbers
 * @tag: (transfer full): what tells this claim apart from another of the
 *   same rule in the same text ("671290:615198:108,3")
 */
typedef struct
{
  BcSeverity  severity;
  const char *rule;
  char       *message;
  char       *tag;
} BcVerdict;

gboolean    bc_vn_number_parse        (const char              *text,
                                       gsize                    length,
                                       BcVnNumber              *number);
gboolean    bc_percent_agrees         (double                   exact_percent,
                                       const BcVnNumber        *stated);
char       *bc_vn_number_to_string    (const BcVnNumber        *number);
GPtrArray  *bc_narrative_scan         (const char              *text,
                                       gssize                   length,
                                       const BcNarrativeFigure *figures,
                                       guint                    n_figures);
GPtrArray  *bc_narrative_scan_paragraphs (const char              *text,
                                          gssize                   length,
                                          const BcParagraph       *paragraphs,
                                          guint                    n_paragraphs,
                                          const BcNarrativeFigure *figures,
                                          guint                    n_figures);
gboolean    bc_claim_judge            (const BcClaim           *claim,
                                       const BcNarrativeDates  *dates,
                                       BcVerdict               *verdict);
void        bc_claim_free             (BcClaim                 *claim);
void        bc_verdict_clear          (BcVerdict               *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcClaim, bc_claim_free)

G_END_DECLS
