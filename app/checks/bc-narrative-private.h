/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-narrative.h"

G_BEGIN_DECLS

/* Shared between the tokenizer (bc-narrative-tokenize.c) and the claim patterns
 * (bc-narrative-scan.c, bc-narrative-dates.c). */

#define BC_WORD_MAX 32

typedef enum
{
  BC_TOK_WORD,
  BC_TOK_NUMBER,
  BC_TOK_FRACTION,   /* "a/b", "a /b", "177 lượt/624 lượt" */
  BC_TOK_DATE,       /* "17/5/2023"; after "tháng" also "05/2024" (day 0) */
  BC_TOK_PUNCT,
  BC_TOK_BREAK,      /* end of a sentence or clause: ". ", "; ", a new bullet */
} BcTokKind;

/* What a word is to the patterns, looked up once when it is read. */
typedef enum
{
  BC_WORD_KEYWORD = 1 << 0,    /* named by a pattern: compare it */
  BC_WORD_QUALIFIER = 1 << 1,  /* "mức 2", "số 5": the number names, not counts */
  BC_WORD_CONNECTOR = 1 << 2,  /* "đạt", "tỷ lệ": a percentage follows */
  BC_WORD_DATE = 1 << 3,       /* "ngày 15/5": a day and month follow */
} BcWordFlags;

typedef struct
{
  BcTokKind  kind;
  guint      flags;           /* WORD: BcWordFlags */
  gsize      start;
  gsize      end;
  BcVnNumber num;             /* NUMBER; FRACTION: numerator */
  BcVnNumber den;             /* FRACTION: denominator */
  guint      day;             /* DATE */
  guint      month;
  guint      year;
  gunichar   punct;           /* PUNCT: dashes read as '-', quotes as '"' */
  char       word[BC_WORD_MAX]; /* WORD: lower case NFC; "" when longer */
} BcToken;

/* One scan of a text: the tokens of the sentence being read, which of them
 * a claim already took, and the claims found so far. */
typedef struct
{
  const char              *text;
  GArray                  *tokens;
  gboolean                *used;
  const BcNarrativeFigure *figures;
  guint                    n_figures;
  GPtrArray               *claims;
} BcScan;

#define BC_NONE G_MAXUINT

/* One part of a list "a X, b Y và c Z": the tokens of its count and
 * percentage (BC_NONE: none), where it starts and ends, the word after
 * its count, and how many words came before the count. */
typedef struct
{
  guint       qty;
  guint       pct;
  guint       end;
  const char *unit;
  guint       start;
  guint       lead;
} BcPart;

static inline BcToken *
bc_tok (BcScan *s,
        guint   i)
{
  return &g_array_index (s->tokens, BcToken, i);
}

BcClaim  *bc_scan_add_claim       (BcScan      *s,
                                   BcClaimKind  kind,
                                   BcClaimForm  form,
                                   gsize        start,
                                   gsize        end);
void      bc_scan_dates           (BcScan      *s,
                                   guint        cs,
                                   guint        ce);
void      bc_scan_far             (BcScan      *s,
                                   guint        cs,
                                   guint        ce);
void      bc_scan_paragraphs      (BcScan            *s,
                                   const char        *text,
                                   const BcParagraph *paras,
                                   guint              n);
gboolean  bc_scan_is_quantity     (BcScan      *s,
                                   guint        cs,
                                   guint        i);
const char *bc_scan_unit_after    (BcScan      *s,
                                   guint        i,
                                   guint        ce);

GArray   *bc_narrative_tokenize   (const char *text,
                                   gsize       start,
                                   gsize       end);

/* A sentence of @text, from @start to @end. */
typedef void (*BcSentenceFunc) (const char *text,
                                gsize       start,
                                gsize       end,
                                gpointer    data);

gboolean  bc_narrative_digit_sentences (const char     *text,
                                        gsize           length,
                                        BcSentenceFunc  func,
                                        gpointer        data);
gboolean  bc_token_is_word        (const BcToken *token,
                                   const char    *word);
gboolean  bc_token_is_punct       (const BcToken *token,
                                   gunichar       punct);

G_END_DECLS
