/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include <string.h>

#include "bc-docx-private.h"
#include "bc-keys.h"
#include "bc-review.h"
#include "bc-store.h"
#include "bc-template.h"

/* The reviewer's comments as Word comments, for those who review on paper:
 * word/comments.xml holds one w:comment per comment (a reply is a comment
 * of its own), word/commentsExtended.xml threads the replies under their
 * first comment and marks resolved threads done, and document.xml ranges
 * each comment over the paragraphs of what it is about.
 *
 * What a comment is about may not be printed (an empty paragraph, a row
 * that does not apply): it then goes to the nearest thing that is, the
 * item, the section or table heading, at last the title. Which anchors the
 * document has is learnt by writing it once without comments (probing),
 * then the comments are placed and the document is written again. */

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_W14  "http://schemas.microsoft.com/office/word/2010/wordml"
#define NS_W15  "http://schemas.microsoft.com/office/word/2012/wordml"
#define NS_MC   "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct
{
  const BcComment  *comment;     /* borrowed from the export options */
  guint             thread;      /* the item of the thread's first comment */
  gboolean          done;        /* the thread is resolved */
  char            **candidates;  /* anchors, the most precise first, "" last */
  const char       *anchor;      /* one of @candidates once placed */
  gboolean          started;     /* its range is in the document */
} Item;

struct _BcDocxComments
{
  GArray     *items;       /* Item; the index is the comment's w:id */
  gboolean    probing;     /* the first pass: learns the anchors */
  GHashTable *present;     /* anchors the document has */
  GHashTable *by_anchor;   /* anchor → GArray of item indices */
  GPtrArray  *pending;     /* anchors named for the next paragraph */
  GArray     *open;        /* items whose range started, not ended */
};

static void
item_clear (Item *item)
{
  g_strfreev (item->candidates);
}

/* "<rule>@<location>#<tag>" → "<location>"; "report" is the whole report */
static char *
finding_location (const char *id)
{
  const char *at = strchr (id, '@');
  const char *tag;
  g_autofree char *location = NULL;

  if (at == NULL)
    return g_strdup ("");
  tag = strchr (++at, '#');
  location = tag ? g_strndup (at, (gsize) (tag - at)) : g_strdup (at);
  if (g_str_equal (location, "report"))
    return g_strdup ("");
  return g_steal_pointer (&location);
}

static void
add_owned (GStrvBuilder *builder,
           char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

/* Where a comment about @target may go, the most precise first. */
static char **
anchor_candidates (BcReport   *report,
                   const char *target)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(BcKey) parsed = BC_KEY_INIT;
  g_autofree char *key = bc_key_parse (&parsed, target) == BC_KEY_EXPLANATION ? finding_location (parsed.id)
                                                                             : g_strdup (target);

  bc_key_clear (&parsed);
  bc_key_parse (&parsed, key);
  if (*key != '\0')
    g_strv_builder_add (builder, key);
  if (parsed.n_parts >= 2 && (g_str_equal (parsed.prefix, "sec") || g_str_equal (parsed.prefix, "tbl")))
    {
      /* A field's item or a cell's row, then the section or table. */
      if (parsed.n_parts >= 4)
        add_owned (builder, g_str_equal (parsed.prefix, "sec") ? bc_key_item (parsed.id, parsed.sub)
                                                                : bc_key_row (parsed.id, parsed.sub));
      if (parsed.n_parts >= 3)
        add_owned (builder, bc_key_dup_group (key));
    }
  else if (parsed.n_parts >= 2 && g_str_equal (parsed.prefix, "fig"))
    {
      const BcSection *section = NULL;

      add_owned (builder, bc_key_figure (parsed.id, FALSE));
      if (bc_template_find_figure (bc_report_get_template (report), parsed.id, &section) && section)
        {
          g_autofree char *section_key = bc_key_section (section->id);
          g_strv_builder_add (builder, section_key);
        }
    }
  g_strv_builder_add (builder, "");
  return g_strv_builder_end (builder);
}

static const BcComment *
find_comment (GPtrArray *comments,
              gint64     id)
{
  for (guint i = 0; i < comments->len; i++)
    if (((BcComment *) comments->pdata[i])->id == id)
      return comments->pdata[i];
  return NULL;
}

/* The item of a thread's first comment, G_MAXUINT when it is not written. */
static guint
find_item (GArray          *items,
           const BcComment *comment)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, Item, i).comment == comment)
      return i;
  return G_MAXUINT;
}

/**
 * bc_docx_comments_new:
 * @options: (nullable): the export options
 *
 * Returns: (transfer full) (nullable): the comments to write, %NULL when
 *   there are none (no comments asked for, or every thread resolved)
 */
BcDocxComments *
bc_docx_comments_new (BcReport              *report,
                      const BcExportOptions *options)
{
  BcDocxComments *self;
  GPtrArray *comments;

  if (options == NULL || options->comments == NULL)
    return NULL;
  comments = options->comments;
  self = g_new0 (BcDocxComments, 1);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
  for (guint i = 0; i < comments->len; i++)
    {
      const BcComment *comment = comments->pdata[i];
      const BcComment *first = comment->parent_id > 0 ? find_comment (comments, comment->parent_id) : NULL;
      Item item = { .comment = comment };

      /* A reply whose thread is not in the list stands alone. */
      if (first == NULL)
        first = comment;
      item.done = first->resolved_at != NULL;
      if (item.done && !options->include_resolved)
        continue;
      item.thread = first == comment ? self->items->len : find_item (self->items, first);
      if (item.thread == G_MAXUINT)
        item.thread = self->items->len;
      item.candidates = anchor_candidates (report, comment->target ? comment->target : "");
      g_array_append_val (self->items, item);
    }
  if (self->items->len == 0)
    {
      bc_docx_comments_free (self);
      return NULL;
    }
  self->probing = TRUE;
  self->present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_anchor = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  self->pending = g_ptr_array_new_with_free_func (g_free);
  self->open = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
bc_docx_comments_free (BcDocxComments *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_clear_pointer (&self->present, g_hash_table_unref);
  g_clear_pointer (&self->by_anchor, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->open, g_array_unref);
  g_free (self);
}

/**
 * bc_docx_comments_place:
 *
 * Ends the probing pass: gives each comment the most precise of its
 * anchors that the document has. The title ("") is always there.
 */
void
bc_docx_comments_place (BcDocxComments *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      GArray *indices;

      for (guint c = 0; item->candidates[c]; c++)
        if (*item->candidates[c] == '\0' || g_hash_table_contains (self->present, item->candidates[c]))
          {
            item->anchor = item->candidates[c];
            break;
          }
      if ((indices = g_hash_table_lookup (self->by_anchor, item->anchor)) == NULL)
        {
          indices = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (self->by_anchor, (gpointer) item->anchor, indices);
        }
      g_array_append_val (indices, i);
    }
  self->probing = FALSE;
}

/* Writer hooks */

/* Names what the next paragraphs, up to bc_docx_anchor_end(), are about.
 * Several anchors may name the same paragraphs. */
void
bc_docx_anchor (BcDocx     *d,
                const char *key)
{
  if (d->comments == NULL)
    return;
  g_ptr_array_add (d->comments->pending, g_strdup (key));
}

static void
start_ranges (BcDocx     *d,
              const char *key)
{
  BcDocxComments *self = d->comments;
  GArray *indices = g_hash_table_lookup (self->by_anchor, key);
  char id[24];

  for (guint i = 0; indices && i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      Item *item = &g_array_index (self->items, Item, index);

      if (item->started)
        continue;
      item->started = TRUE;
      g_snprintf (id, sizeof id, "%u", index);
      bc_xml_empty (d->xml, "w:commentRangeStart", "w:id", id, NULL);
      g_array_append_val (self->open, index);
    }
}

/* Called after the properties of every paragraph: the ranges of the
 * pending anchors start here. */
void
bc_docx_anchor_para_start (BcDocx *d)
{
  BcDocxComments *self = d->comments;

  if (self == NULL || self->pending->len == 0)
    return;
  for (guint i = 0; i < self->pending->len; i++)
    {
      const char *key = self->pending->pdata[i];

      if (self->probing)
        g_hash_table_add (self->present, g_strdup (key));
      else
        start_ranges (d, key);
    }
  g_ptr_array_set_size (self->pending, 0);
}

/* The ranges end in the last paragraph written, each followed by the
 * reference that shows the comment in the margin. */
void
bc_docx_anchor_end (BcDocx *d)
{
  BcDocxComments *self = d->comments;
  g_autoptr(GString) markup = NULL;

  if (self == NULL)
    return;
  g_ptr_array_set_size (self->pending, 0);
  if (self->open->len == 0)
    return;
  markup = g_string_new (NULL);
  for (guint i = 0; i < self->open->len; i++)
    g_string_append_printf (markup, "<w:commentRangeEnd w:id=\"%u\"/>", g_array_index (self->open, guint, i));
  for (guint i = 0; i < self->open->len; i++)
    g_string_append_printf (markup, "<w:r><w:commentReference w:id=\"%u\"/></w:r>",
                            g_array_index (self->open, guint, i));
  bc_xml_writer_insert_raw (d->xml, d->para_close, markup->str);
  g_array_set_size (self->open, 0);
}

/* Parts */

static const char *
author_name (const BcComment *comment)
{
  if (comment->author != NULL && *comment->author != '\0')
    return comment->author;
  if (g_strcmp0 (comment->role, BC_ROLE_REVIEWER) == 0)
    return "Người duyệt";
  if (g_strcmp0 (comment->role, BC_ROLE_CLERK) == 0)
    return "Người soạn thảo";
  return "Người góp ý";
}

/* "Nguyễn Văn An" → "NVA" */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] && n < 8; i++)
    {
      gunichar c = g_utf8_get_char_validated (words[i], -1);

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
      n++;
    }
  return g_string_free (out, FALSE);
}

/* The store's "2024-06-03T08:15:00.123456Z" as xsd:dateTime, in UTC;
 * NULL when it is no time. */
static char *
comment_date (const char *created)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = created ? g_date_time_new_from_iso8601 (created, utc) : NULL;
  g_autoptr(GDateTime) in_utc = time ? g_date_time_to_utc (time) : NULL;

  return in_utc ? g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* The last paragraph of a comment carries the id commentsExtended.xml
 * threads it by. */
static void
para_id (char  *buffer,
         gsize  size,
         guint  index)
{
  g_snprintf (buffer, size, "%08X", index + 1);
}

static void
comment_paragraph (BcXmlWriter *x,
                   const char  *text,
                   gboolean     first,
                   const char  *id)
{
  if (id != NULL)
    bc_xml_start (x, "w:p", "w14:paraId", id, "w14:textId", "77777777", NULL);
  else
    bc_xml_start (x, "w:p", NULL);
  if (first)
    {
      bc_xml_start (x, "w:r", NULL);
      bc_xml_empty (x, "w:annotationRef", NULL);
      bc_xml_end (x);
    }
  if (*text != '\0')
    {
      bc_xml_start (x, "w:r", NULL);
      bc_xml_start (x, "w:t", "xml:space", "preserve", NULL);
      bc_xml_text (x, text, -1);
      bc_xml_end (x);
      bc_xml_end (x);
    }
  bc_xml_end (x);
}

static void
write_comment (BcXmlWriter *x,
               const Item  *item,
               guint        index)
{
  const char *author = author_name (item->comment);
  g_autofree char *date = comment_date (item->comment->created);
  g_autofree char *short_name = initials (author);
  g_auto(GStrv) lines = g_strsplit (item->comment->text ? item->comment->text : "", "\n", -1);
  guint n = MAX (g_strv_length (lines), 1);
  char id[24], last_id[24];

  g_snprintf (id, sizeof id, "%u", index);
  para_id (last_id, sizeof last_id, index);
  if (date != NULL)
    bc_xml_start (x, "w:comment", "w:id", id, "w:author", author, "w:date", date,
                  "w:initials", short_name, NULL);
  else
    bc_xml_start (x, "w:comment", "w:id", id, "w:author", author, "w:initials", short_name, NULL);
  for (guint i = 0; i < n; i++)
    comment_paragraph (x, lines[0] ? lines[i] : "", i == 0, i == n - 1 ? last_id : NULL);
  bc_xml_end (x);
}

/**
 * bc_docx_comments_part:
 *
 * Returns: (transfer full): word/comments.xml
 */
GBytes *
bc_docx_comments_part (BcDocxComments *self)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "w:comments", "xmlns:w", NS_W, "xmlns:w14", NS_W14, "xmlns:mc", NS_MC,
                "mc:Ignorable", "w14", NULL);
  for (guint i = 0; i < self->items->len; i++)
    write_comment (x, &g_array_index (self->items, Item, i), i);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

/**
 * bc_docx_comments_extended_part:
 *
 * Returns: (transfer full): word/commentsExtended.xml: which comment
 *   replies to which, and which threads are resolved
 */
GBytes *
bc_docx_comments_extended_part (BcDocxComments *self)
{
  BcXmlWriter *x = bc_xml_writer_new ();
  char id[24], parent[24];

  bc_xml_start (x, "w15:commentsEx", "xmlns:w15", NS_W15, "xmlns:mc", NS_MC, "mc:Ignorable", "w15", NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      const char *done = item->done ? "1" : "0";

      para_id (id, sizeof id, i);
      para_id (parent, sizeof parent, item->thread);
      if (item->thread == i)
        bc_xml_empty (x, "w15:commentEx", "w15:paraId", id, "w15:done", done, NULL);
      else
        bc_xml_empty (x, "w15:commentEx", "w15:paraId", id, "w15:paraIdParent", parent, "w15:done", done, NULL);
    }
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}
