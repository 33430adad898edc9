/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "bc-docx.h"
#include "bc-number.h"
#include "bc-store-review.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* The reviewer's comments in the DOCX as Word comments: the parts of the
 * package, where each comment is ranged in document.xml, the threads of
 * commentsExtended.xml, resolved threads, the fallbacks when what a
 * comment is about is not printed, the output without comments unchanged,
 * and the command line. LibreOffice and python-docx read the result in
 * export-comments.py. */

#define SAMPLE  "province-2024-05.json"
#define FIGURE  "asm_facilities"
#define REVIEWER "Trần Thị Bình"
#define CLERK    "Nguyễn Văn An"

typedef struct
{
  char     *dir;
  BcStore  *store;
  BcReport *report;
  gint64    figure_thread;
  gint64    resolved_thread;
} Fixture;

/* What document.xml says about one comment id */
typedef struct
{
  char     *paragraph;   /* the text of the paragraph its range starts in */
  gboolean  in_cell;
  guint     starts, ends, references;
  guint     state;       /* 0, 1 started, 2 ended, 3 referenced */
} Anchor;

typedef struct
{
  GHashTable *anchors;   /* id → Anchor */
  GPtrArray  *started;   /* ids started in the current paragraph */
  GString    *text;
  guint       cells;
} DocScan;

/* word/comments.xml, one comment */
typedef struct
{
  char    *id;
  char    *author;
  char    *initials;
  char    *date;
  GString *text;
  guint    paragraphs;
} Comment;

static void
anchor_free (Anchor *anchor)
{
  g_free (anchor->paragraph);
  g_free (anchor);
}

static void
comment_free (Comment *comment)
{
  g_free (comment->id);
  g_free (comment->author);
  g_free (comment->initials);
  g_free (comment->date);
  g_string_free (comment->text, TRUE);
  g_free (comment);
}

static BcExportOptions *
fixed_options (void)
{
  BcExportOptions *options = bc_export_options_copy (NULL);

  options->created = g_date_time_new_utc (2024, 5, 24, 8, 0, 0);
  return options;
}

static void
act_as (Fixture    *f,
        const char *name,
        const char *role)
{
  bc_store_set_actor (f->store, name);
  bc_store_set_role (f->store, role);
}

static gint64
add (Fixture    *f,
     const char *target,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bc_store_add_comment (f->store, f->report, target, text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A figure, a paragraph, a table cell, the whole report, one reply and
 * one resolved thread. */
static void
add_comments (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  act_as (f, REVIEWER, BC_ROLE_REVIEWER);
  f->figure_thread = add (f, "fig/" FIGURE, "Số cơ sở ASM cần đối chiếu với Công an tỉnh.");
  add (f, "sec/communication/p2/text", "Đoạn này nên viết gọn lại.");
  add (f, "tbl/dvc25/1/online", "Kiểm tra lại số trực tuyến <30> & \"đúng\".");
  add (f, "", "Báo cáo cần gửi trước ngày 25.\nNhớ ký số.");
  f->resolved_thread = add (f, "header/summary", "Trích yếu quá dài.");
  act_as (f, CLERK, BC_ROLE_CLERK);
  g_assert_cmpint (bc_store_reply_comment (f->store, f->figure_thread, "Đã đối chiếu, số liệu đúng.", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bc_store_reply_comment (f->store, f->resolved_thread, "Đã sửa.", &error), >, 0);
  g_assert_no_error (error);
  act_as (f, REVIEWER, BC_ROLE_REVIEWER);
  g_assert_true (bc_store_resolve_comment (f->store, f->resolved_thread, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", SAMPLE, NULL);
  g_autofree char *json = NULL;
  gint64 id;

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  id = bc_store_import_json (f->store, json, -1, &error);
  g_assert_no_error (error);
  f->report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  add_comments (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->report);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcExportOptions *
options_with_comments (Fixture  *f,
                       gboolean  include_resolved)
{
  g_autoptr(GError) error = NULL;
  BcExportOptions *options = fixed_options ();

  g_assert_true (bc_export_options_load_comments (options, f->store, bc_report_get_id (f->report), &error));
  g_assert_no_error (error);
  options->include_resolved = include_resolved;
  return options;
}

/* name → text of every part of a package */
static GHashTable *
unzip_bytes (GBytes *package)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *zip;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (g_bytes_get_data (package, NULL), g_bytes_get_size (package), 0, &zerror);
  g_assert_nonnull (source);
  zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  g_assert_nonnull (zip);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      zip_stat_t st;
      zip_file_t *file;
      char *data;

      g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t) i, 0, &st), ==, 0);
      data = g_malloc0 (st.size + 1);
      file = zip_fopen_index (zip, (zip_uint64_t) i, 0);
      g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
      zip_fclose (file);
      g_hash_table_insert (parts, g_strdup (st.name), data);
    }
  zip_discard (zip);
  return parts;
}

static GHashTable *
build (Fixture               *f,
       const BcExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = bc_docx_build (f->report, options, &error);

  g_assert_no_error (error);
  return unzip_bytes (package);
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static const char *
parent_element (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack && stack->next ? stack->next->data : NULL;
}

/* document.xml: every range starts in a paragraph, then ends, then is
 * referenced from a run, each once. */
static Anchor *
scan_anchor (DocScan    *scan,
             const char *id)
{
  Anchor *anchor = g_hash_table_lookup (scan->anchors, id);

  if (anchor == NULL)
    {
      anchor = g_new0 (Anchor, 1);
      g_hash_table_insert (scan->anchors, g_strdup (id), anchor);
    }
  return anchor;
}

static void
doc_start_cb (GMarkupParseContext  *context,
              const char           *name,
              const char          **names,
              const char          **values,
              gpointer              data,
              GError              **error)
{
  DocScan *scan = data;
  const char *id = attribute (names, values, "w:id");
  Anchor *anchor;

  if (g_str_equal (name, "w:tc"))
    scan->cells++;
  else if (g_str_equal (name, "w:p"))
    g_string_truncate (scan->text, 0);
  else if (g_str_equal (name, "w:commentRangeStart"))
    {
      g_assert_cmpstr (parent_element (context), ==, "w:p");
      anchor = scan_anchor (scan, id);
      anchor->starts++;
      g_assert_cmpuint (anchor->state, ==, 0);
      anchor->state = 1;
      anchor->in_cell = scan->cells > 0;
      g_ptr_array_add (scan->started, g_strdup (id));
    }
  else if (g_str_equal (name, "w:commentRangeEnd"))
    {
      g_assert_cmpstr (parent_element (context), ==, "w:p");
      anchor = scan_anchor (scan, id);
      anchor->ends++;
      g_assert_cmpuint (anchor->state, ==, 1);
      anchor->state = 2;
    }
  else if (g_str_equal (name, "w:commentReference"))
    {
      g_assert_cmpstr (parent_element (context), ==, "w:r");
      anchor = scan_anchor (scan, id);
      anchor->references++;
      g_assert_cmpuint (anchor->state, ==, 2);
      anchor->state = 3;
    }
}

static void
doc_end_cb (GMarkupParseContext  *context,
            const char           *name,
            gpointer              data,
            GError              **error)
{
  DocScan *scan = data;

  if (g_str_equal (name, "w:tc"))
    scan->cells--;
  else if (g_str_equal (name, "w:p"))
    {
      for (guint i = 0; i < scan->started->len; i++)
        {
          Anchor *anchor = g_hash_table_lookup (scan->anchors, scan->started->pdata[i]);
          anchor->paragraph = g_strdup (scan->text->str);
        }
      g_ptr_array_set_size (scan->started, 0);
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  GString *out = data;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "w:t") == 0)
    g_string_append_len (out, text, (gssize) length);
}

static void
doc_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              data,
             GError              **error)
{
  text_cb (context, text, length, ((DocScan *) data)->text, error);
}

static void
parse (const GMarkupParser *parser,
       const char          *xml,
       gpointer             data)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, 0, data, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

/* id → Anchor */
static GHashTable *
scan_document (GHashTable *parts)
{
  static const GMarkupParser parser = { doc_start_cb, doc_end_cb, doc_text_cb, NULL, NULL };
  DocScan scan = {
    .anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) anchor_free),
    .started = g_ptr_array_new_with_free_func (g_free),
    .text = g_string_new (NULL),
  };
  GHashTableIter iter;
  Anchor *anchor;

  parse (&parser, g_hash_table_lookup (parts, "word/document.xml"), &scan);
  g_hash_table_iter_init (&iter, scan.anchors);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &anchor))
    {
      g_assert_cmpuint (anchor->starts, ==, 1);
      g_assert_cmpuint (anchor->ends, ==, 1);
      g_assert_cmpuint (anchor->references, ==, 1);
      g_assert_nonnull (anchor->paragraph);
    }
  g_ptr_array_unref (scan.started);
  g_string_free (scan.text, TRUE);
  return scan.anchors;
}

static void
comments_start_cb (GMarkupParseContext  *context,
                   const char           *name,
                   const char          **names,
                   const char          **values,
                   gpointer              data,
                   GError              **error)
{
  GPtrArray *comments = data;
  Comment *comment;

  if (g_str_equal (name, "w:comment"))
    {
      comment = g_new0 (Comment, 1);
      comment->id = g_strdup (attribute (names, values, "w:id"));
      comment->author = g_strdup (attribute (names, values, "w:author"));
      comment->initials = g_strdup (attribute (names, values, "w:initials"));
      comment->date = g_strdup (attribute (names, values, "w:date"));
      comment->text = g_string_new (NULL);
      g_ptr_array_add (comments, comment);
    }
  else if (g_str_equal (name, "w:p"))
    {
      comment = g_ptr_array_index (comments, comments->len - 1);
      if (comment->paragraphs++ > 0)
        g_string_append_c (comment->text, '\n');
    }
}

static void
comments_text_cb (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 length,
                  gpointer              data,
                  GError              **error)
{
  GPtrArray *comments = data;

  if (comments->len > 0)
    text_cb (context, text, length, ((Comment *) g_ptr_array_index (comments, comments->len - 1))->text, error);
}

static GPtrArray *
read_comments (GHashTable *parts)
{
  static const GMarkupParser parser = { comments_start_cb, NULL, comments_text_cb, NULL, NULL };
  GPtrArray *comments = g_ptr_array_new_with_free_func ((GDestroyNotify) comment_free);

  parse (&parser, g_hash_table_lookup (parts, "word/comments.xml"), comments);
  return comments;
}

static const Comment *
find_comment (GPtrArray  *comments,
              const char *text)
{
  for (guint i = 0; i < comments->len; i++)
    if (g_str_equal (((Comment *) comments->pdata[i])->text->str, text))
      return comments->pdata[i];
  return NULL;
}

/* The paragraph a comment's range starts in */
static const Anchor *
anchor_of (GHashTable *anchors,
           GPtrArray  *comments,
           const char *text)
{
  const Comment *comment = find_comment (comments, text);

  if (comment == NULL)
    g_error ("No comment “%s” in comments.xml", text);
  return g_hash_table_lookup (anchors, comment->id);
}

/* The comment @text is ranged over a paragraph holding @paragraph_text */
static void
assert_anchor (GHashTable *anchors,
               GPtrArray  *comments,
               const char *text,
               const char *paragraph_text,
               gboolean    in_cell)
{
  const Anchor *anchor = anchor_of (anchors, comments, text);

  g_assert_nonnull (anchor);
  if (strstr (anchor->paragraph, paragraph_text) == NULL)
    g_error ("“%s” is on “%s”, not on “…%s…”", text, anchor->paragraph, paragraph_text);
  g_assert_cmpint (anchor->in_cell, ==, in_cell);
}

static void
assert_package_has_comments (GHashTable *parts)
{
  const char *types = g_hash_table_lookup (parts, "[Content_Types].xml");
  const char *rels = g_hash_table_lookup (parts, "word/_rels/document.xml.rels");

  g_assert_nonnull (g_hash_table_lookup (parts, "word/comments.xml"));
  g_assert_nonnull (g_hash_table_lookup (parts, "word/commentsExtended.xml"));
  g_assert_nonnull (strstr (types, "<Override PartName=\"/word/comments.xml\" ContentType=\""
                                   "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"));
  g_assert_nonnull (strstr (types, "PartName=\"/word/commentsExtended.xml\""));
  g_assert_nonnull (strstr (rels, "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\""
                                  " Target=\"comments.xml\""));
  g_assert_nonnull (strstr (rels, "/relationships/commentsExtended\" Target=\"commentsExtended.xml\""));
}

/* A figure has no line of its own: its comment is on the sentence that
 * cites it ("… đã tạo lập được 6.697 cơ sở lưu trú …"). */
static char *
figure_line (Fixture *f)
{
  return g_strdup ("tạo lập được 6.697 cơ sở lưu trú");
}

static void
test_package (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BcExportOptions) options = options_with_comments (f, FALSE);
  g_autoptr(GHashTable) parts = build (f, options);
  g_autoptr(GPtrArray) comments = read_comments (parts);
  g_autoptr(GHashTable) anchors = scan_document (parts);
  g_autofree char *figure = figure_line (f);
  g_autofree char *paragraph = g_utf8_substring (bc_report_get (f->report, "sec/communication/p2/text"), 0, 40);
  const Comment *reply = find_comment (comments, "Đã đối chiếu, số liệu đúng.");
  const Comment *first = find_comment (comments, "Số cơ sở ASM cần đối chiếu với Công an tỉnh.");

  assert_package_has_comments (parts);
  /* The resolved thread, its reply too, is left out. */
  g_assert_cmpuint (comments->len, ==, 5);
  g_assert_null (find_comment (comments, "Trích yếu quá dài."));
  g_assert_null (find_comment (comments, "Đã sửa."));
  g_assert_cmpuint (g_hash_table_size (anchors), ==, 5);

  g_assert_nonnull (first);
  g_assert_cmpstr (first->author, ==, REVIEWER);
  g_assert_cmpstr (first->initials, ==, "TTB");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", first->date, 0, 0));
  g_assert_nonnull (reply);
  g_assert_cmpstr (reply->author, ==, CLERK);
  g_assert_cmpstr (reply->initials, ==, "NVA");
  g_assert_nonnull (find_comment (comments, "Kiểm tra lại số trực tuyến <30> & \"đúng\"."));
  g_assert_nonnull (find_comment (comments, "Báo cáo cần gửi trước ngày 25.\nNhớ ký số."));

  assert_anchor (anchors, comments, first->text->str, figure, FALSE);
  assert_anchor (anchors, comments, reply->text->str, figure, FALSE);
  assert_anchor (anchors, comments, "Đoạn này nên viết gọn lại.", paragraph, FALSE);
  assert_anchor (anchors, comments, "Kiểm tra lại số trực tuyến <30> & \"đúng\".",
                 bc_report_get (f->report, "tbl/dvc25/1/online"), TRUE);
  assert_anchor (anchors, comments, "Báo cáo cần gửi trước ngày 25.\nNhớ ký số.", "BÁO CÁO", FALSE);
}

/* commentsExtended.xml threads the reply under its first comment. */
static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BcExportOptions) options = options_with_comments (f, FALSE);
  g_autoptr(GHashTable) parts = build (f, options);
  const char *comments = g_hash_table_lookup (parts, "word/comments.xml");
  const char *extended = g_hash_table_lookup (parts, "word/commentsExtended.xml");

  /* Comment 0 is the figure's, comment 1 its reply. */
  g_assert_nonnull (strstr (comments, "<w:comment w:id=\"1\" w:author=\"" CLERK "\""));
  g_assert_nonnull (strstr (comments, "<w:p w14:paraId=\"00000002\""));
  g_assert_nonnull (strstr (extended, "<w15:commentEx w15:paraId=\"00000001\" w15:done=\"0\"/>"
                                      "<w15:commentEx w15:paraId=\"00000002\" w15:paraIdParent=\"00000001\""
                                      " w15:done=\"0\"/>"));
}

static void
test_resolved (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcExportOptions) options = options_with_comments (f, TRUE);
  g_autoptr(GHashTable) parts = build (f, options);
  g_autoptr(GPtrArray) comments = read_comments (parts);
  g_autoptr(GHashTable) anchors = scan_document (parts);
  const char *summary = bc_report_get (f->report, "header/summary");
  g_autofree char *done = NULL;
  const Comment *resolved;

  g_assert_cmpuint (comments->len, ==, 7);
  resolved = find_comment (comments, "Trích yếu quá dài.");
  g_assert_nonnull (resolved);
  assert_anchor (anchors, comments, "Trích yếu quá dài.", summary, FALSE);
  assert_anchor (anchors, comments, "Đã sửa.", summary, FALSE);
  done = g_strdup_printf ("w15:paraId=\"%08X\" w15:done=\"1\"/>", (guint) g_ascii_strtoull (resolved->id, NULL, 10) + 1);
  g_assert_nonnull (strstr (g_hash_table_lookup (parts, "word/commentsExtended.xml"), done));
}

/* What is not printed: the comment goes to the item, the section or the
 * table, at last the title. */
static void
test_fallback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GHashTable) anchors = NULL;
  BcTemplate *template = bc_report_get_template (f->report);
  const BcSection *section = bc_template_find_section (template, "communication");
  const BcTableDef *table = bc_template_find_table (template, "dvc25");
  const BcRow *row = bc_table_def_find_row (table, "3");
  g_autofree char *heading = g_strdup_printf ("%s %s", section->number, section->title);
  g_autofree char *figure = figure_line (f);

  g_assert_true (bc_store_set_value (f->store, f->report, "tbl/dvc25/2/applies", "0", &error));
  g_assert_true (bc_store_set_value (f->store, f->report, "sec/communication/p3/text", "", &error));
  g_assert_no_error (error);
  add (f, "tbl/dvc25/2/online", "Hàng không áp dụng.");
  add (f, "sec/communication/p3/text", "Đoạn đã xoá.");
  add (f, "sec/communication", "Cả mục tuyên truyền.");
  add (f, "tbl/dvc25/3", "Cả hàng này.");
  add (f, "tbl/dvc25/3/applies", "Áp dụng hàng này?");
  add (f, "expl/ratio@fig/" FIGURE "#x", "Giải trình chưa rõ.");
  add (f, "expl/rule@report", "Giải trình chung.");
  add (f, "header/cc", "Thêm nơi nhận.");
  options = options_with_comments (f, FALSE);
  parts = build (f, options);
  comments = read_comments (parts);
  anchors = scan_document (parts);

  assert_anchor (anchors, comments, "Hàng không áp dụng.", table->title, FALSE);
  assert_anchor (anchors, comments, "Đoạn đã xoá.", heading, FALSE);
  assert_anchor (anchors, comments, "Cả mục tuyên truyền.", heading, FALSE);
  assert_anchor (anchors, comments, "Cả hàng này.", row->label, TRUE);
  assert_anchor (anchors, comments, "Áp dụng hàng này?", row->label, TRUE);
  assert_anchor (anchors, comments, "Giải trình chưa rõ.", figure, FALSE);
  assert_anchor (anchors, comments, "Giải trình chung.", "BÁO CÁO", FALSE);
  assert_anchor (anchors, comments, "Thêm nơi nhận.", "Nơi nhận:", TRUE);
}

static GBytes *
build_bytes (Fixture               *f,
             const BcExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *package = bc_docx_build (f->report, options, &error);

  g_assert_no_error (error);
  return package;
}

/* No comments asked for, none given, or only resolved ones: the very
 * bytes of the export without comments. */
static void
test_without (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BcExportOptions) plain = fixed_options ();
  g_autoptr(BcExportOptions) empty = fixed_options ();
  g_autoptr(BcExportOptions) resolved = fixed_options ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) only_resolved = NULL;
  g_autoptr(GBytes) want = build_bytes (f, plain);
  g_autoptr(GBytes) got_empty = NULL;
  g_autoptr(GBytes) got_resolved = NULL;

  bc_export_options_set_comments (empty, none);
  only_resolved = bc_store_list_comments (f->store, bc_report_get_id (f->report), "header/summary", NULL);
  g_assert_cmpuint (only_resolved->len, ==, 2);
  bc_export_options_set_comments (resolved, only_resolved);
  got_empty = build_bytes (f, empty);
  got_resolved = build_bytes (f, resolved);
  g_assert_true (g_bytes_equal (want, got_empty));
  g_assert_true (g_bytes_equal (want, got_resolved));
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_docx_export_finish (BC_REPORT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* The options, comments and all, are copied for the worker thread. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.docx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  BcExportOptions *options = options_with_comments (f, FALSE);
  gboolean done = FALSE;
  gsize length;

  bc_docx_export_async (f->report, path, options, NULL, async_done_cb, &done);
  bc_export_options_free (options);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  package = g_bytes_new_take (g_steal_pointer (&contents), length);
  parts = unzip_bytes (package);
  comments = read_comments (parts);
  g_assert_cmpuint (comments->len, ==, 5);
}

static int
run_cli (Fixture            *f,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *library = g_build_filename (f->dir, "library.db", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "BAOCAO_LIBRARY", library, TRUE);
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BAOCAO_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "SOURCE_DATE_EPOCH", "1716537600", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_comments (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  package = g_bytes_new_take (g_steal_pointer (&contents), length);
  parts = unzip_bytes (package);
  if (!g_hash_table_contains (parts, "word/comments.xml"))
    return 0;
  comments = read_comments (parts);
  return comments->len;
}

/* baocao export ID|FILE.json --docx FILE --comments [--resolved]; a JSON
 * file carries its comments. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (f->report));
  g_autofree char *json = g_build_filename (f->dir, "report.json", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.docx", NULL);
  g_autofree char *with = g_build_filename (f->dir, "with.docx", NULL);
  g_autofree char *resolved = g_build_filename (f->dir, "resolved.docx", NULL);
  g_autofree char *from_json = g_build_filename (f->dir, "from-json.docx", NULL);

  g_assert_cmpint (run_cli (f, (const char *[]) { "export", id, "--docx", plain, NULL }), ==, 0);
  g_assert_cmpint (run_cli (f, (const char *[]) { "export", id, "--docx", with, "--comments", NULL }), ==, 0);
  g_assert_cmpint (run_cli (f, (const char *[]) { "export", id, "--docx", resolved, "--comments", "--resolved", NULL }),
                   ==, 0);
  g_assert_cmpint (run_cli (f, (const char *[]) { "export-json", id, "-o", json, NULL }), ==, 0);
  g_assert_cmpint (run_cli (f, (const char *[]) { "export", json, "--docx", from_json, "--comments", NULL }), ==, 0);
  g_assert_cmpuint (count_comments (plain), ==, 0);
  g_assert_cmpuint (count_comments (with), ==, 5);
  g_assert_cmpuint (count_comments (resolved), ==, 7);
  g_assert_cmpuint (count_comments (from_json), ==, 5);
  /* Comments go into a DOCX only. */
  g_assert_cmpint (run_cli (f, (const char *[]) { "export", id, "--xlsx", plain, "--comments", NULL }), ==, 64);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/export/comments/package", test_package);
  ADD ("/bc/export/comments/threads", test_threads);
  ADD ("/bc/export/comments/resolved", test_resolved);
  ADD ("/bc/export/comments/fallback", test_fallback);
  ADD ("/bc/export/comments/without", test_without);
  ADD ("/bc/export/comments/async", test_async);
  ADD ("/bc/export/comments/cli", test_cli);
  return g_test_run ();
}
