/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "bc-docx.h"
#include "bc-docx-private.h"
#include "bc-template.h"

/* The DOCX package: its parts (styles, settings, headers, fonts, content
 * types, relationships, properties) written with BcXmlWriter and zipped in
 * memory with libzip. The layout follows Decree 30/2020/NĐ-CP; paragraphs,
 * runs, tables and sections are written by bc-docx-writer.c, the text
 * itself by bc-docx-body.c and bc-docx-table.c. */

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_MS  "http://schemas.microsoft.com/office/2011/relationships/"
#define CT_WML  "application/vnd.openxmlformats-officedocument.wordprocessingml."
#define FONT    "Times New Roman"

typedef struct
{
  const char *name;
  GBytes     *data;
} Part;

/* Parts */

/* @notes: (out) (nullable): word/footnotes.xml when a note is cited */
static GBytes *
write_document (BcReport               *report,
                const BcExportOptions  *options,
                BcDocxComments         *comments,
                GBytes                **notes)
{
  BcDocx d = { .xml = bc_xml_writer_new (), .report = report, .comments = comments };
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));
  guint n = 0;

  bc_xml_start (d.xml, "w:document", "xmlns:w", NS_W, "xmlns:r", NS_R, NULL);
  bc_xml_start (d.xml, "w:body", NULL);
  if (options != NULL && options->unit_names != NULL && options->parts != NULL)
    {
      d.unit_names = options->unit_names;
      d.parts = options->parts;
    }
  bc_docx_write_heading (&d);
  bc_docx_write_missing_units (&d);
  bc_docx_write_body (&d);
  bc_docx_write_closing (&d);
  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];

      /* A table of the body was printed in its section. */
      if (table->section != NULL)
        continue;
      /* The section before this appendix ends here: the body is portrait. */
      bc_docx_section (&d, n > 0, n == 0);
      bc_docx_write_appendix (&d, table);
      n++;
      /* The table by unit, on landscape pages of its own. */
      if (table->unit_annex && d.unit_names != NULL)
        {
          bc_docx_section (&d, TRUE, FALSE);
          bc_docx_write_unit_annex (&d, table);
        }
    }
  bc_docx_write_sect_pr (d.xml, n > 0, n == 0);
  bc_xml_end (d.xml);
  bc_xml_end (d.xml);
  *notes = bc_docx_footnotes_finish (&d);
  return bc_xml_writer_free_to_bytes (d.xml);
}

/* With comments, a first pass learns where they can go (bc-docx-comments.c). */
static GBytes *
document_part (BcReport               *report,
               const BcExportOptions  *options,
               BcDocxComments         *comments,
               GBytes                **notes)
{
  if (comments != NULL)
    {
      g_bytes_unref (write_document (report, options, comments, notes));
      g_clear_pointer (notes, g_bytes_unref);
      bc_docx_comments_place (comments);
    }
  return write_document (report, options, comments, notes);
}

static void
style_start (BcXmlWriter *x,
             const char  *type,
             const char  *id,
             const char  *name,
             const char  *based_on)
{
  bc_xml_start (x, "w:style", "w:type", type, "w:styleId", id, NULL);
  bc_xml_empty (x, "w:name", "w:val", name, NULL);
  if (based_on)
    bc_xml_empty (x, "w:basedOn", "w:val", based_on, NULL);
}

static void
heading_style (BcXmlWriter *x,
               int          level,
               gboolean     italic)
{
  g_autofree char *id = g_strdup_printf ("Heading%d", level);
  g_autofree char *name = g_strdup_printf ("heading %d", level);

  style_start (x, "paragraph", id, name, BC_DOCX_STYLE_BODY);
  bc_xml_empty (x, "w:next", "w:val", BC_DOCX_STYLE_BODY, NULL);
  bc_xml_empty (x, "w:qFormat", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:keepNext", NULL);
  bc_xml_empty (x, "w:spacing", "w:before", level == 1 ? "120" : "0", "w:after", "120", NULL);
  bc_xml_val (x, "w:outlineLvl", level - 1);
  bc_xml_end (x);
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_empty (x, "w:b", NULL);
  bc_xml_empty (x, "w:bCs", NULL);
  if (italic)
    bc_xml_empty (x, "w:i", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
}

static void
defaults (BcXmlWriter *x)
{
  bc_xml_start (x, "w:docDefaults", NULL);
  bc_xml_start (x, "w:rPrDefault", NULL);
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_empty (x, "w:rFonts", "w:ascii", FONT, "w:hAnsi", FONT, "w:eastAsia", FONT, "w:cs", FONT, NULL);
  bc_xml_val (x, "w:sz", BC_DOCX_SIZE_BODY);
  bc_xml_val (x, "w:szCs", BC_DOCX_SIZE_BODY);
  bc_xml_empty (x, "w:lang", "w:val", "vi-VN", "w:eastAsia", "en-US", "w:bidi", "ar-SA", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_start (x, "w:pPrDefault", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_end (x);
}

/* The note's text, 12 pt, and its mark, superscript. */
static void
note_styles (BcXmlWriter *x)
{
  style_start (x, "paragraph", BC_DOCX_STYLE_NOTE, "footnote text", "Normal");
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
  bc_xml_empty (x, "w:jc", "w:val", "both", NULL);
  bc_xml_end (x);
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_val (x, "w:sz", BC_DOCX_SIZE_NOTE);
  bc_xml_val (x, "w:szCs", BC_DOCX_SIZE_NOTE);
  bc_xml_end (x);
  bc_xml_end (x);

  style_start (x, "character", BC_DOCX_STYLE_NOTE_REF, "footnote reference", "DefaultParagraphFont");
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_empty (x, "w:vertAlign", "w:val", "superscript", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
}

static GBytes *
styles_part (gboolean notes)
{
  BcXmlWriter *x = bc_xml_writer_new ();
  char size[24];

  bc_xml_start (x, "w:styles", "xmlns:w", NS_W, NULL);
  defaults (x);

  bc_xml_start (x, "w:style", "w:type", "paragraph", "w:default", "1", "w:styleId", "Normal", NULL);
  bc_xml_empty (x, "w:name", "w:val", "Normal", NULL);
  bc_xml_empty (x, "w:qFormat", NULL);
  bc_xml_end (x);

  bc_xml_start (x, "w:style", "w:type", "character", "w:default", "1", "w:styleId", "DefaultParagraphFont", NULL);
  bc_xml_empty (x, "w:name", "w:val", "Default Paragraph Font", NULL);
  bc_xml_empty (x, "w:uiPriority", "w:val", "1", NULL);
  bc_xml_empty (x, "w:semiHidden", NULL);
  bc_xml_end (x);

  bc_xml_start (x, "w:style", "w:type", "table", "w:default", "1", "w:styleId", "TableNormal", NULL);
  bc_xml_empty (x, "w:name", "w:val", "Normal Table", NULL);
  bc_xml_empty (x, "w:semiHidden", NULL);
  bc_xml_start (x, "w:tblPr", NULL);
  bc_xml_empty (x, "w:tblInd", "w:w", "0", "w:type", "dxa", NULL);
  bc_xml_start (x, "w:tblCellMar", NULL);
  bc_xml_empty (x, "w:top", "w:w", "0", "w:type", "dxa", NULL);
  bc_xml_empty (x, "w:left", "w:w", "108", "w:type", "dxa", NULL);
  bc_xml_empty (x, "w:bottom", "w:w", "0", "w:type", "dxa", NULL);
  bc_xml_empty (x, "w:right", "w:w", "108", "w:type", "dxa", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_end (x);

  /* Body text: justified, first line indented 1.27 cm, 6 pt after, 1.2 lines. */
  style_start (x, "paragraph", BC_DOCX_STYLE_BODY, "Body Text", "Normal");
  bc_xml_empty (x, "w:qFormat", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:before", "0", "w:after", "120", "w:line", "288", "w:lineRule", "auto", NULL);
  bc_xml_empty (x, "w:ind", "w:firstLine", "720", NULL);
  bc_xml_empty (x, "w:jc", "w:val", "both", NULL);
  bc_xml_end (x);
  bc_xml_end (x);

  heading_style (x, 1, FALSE);
  heading_style (x, 2, FALSE);
  heading_style (x, 3, TRUE);

  style_start (x, "paragraph", BC_DOCX_STYLE_PLAIN, "Plain", "Normal");
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:before", "0", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
  bc_xml_end (x);
  bc_xml_end (x);

  style_start (x, "paragraph", BC_DOCX_STYLE_CELL, "Table Text", "Normal");
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:before", "20", "w:after", "20", "w:line", "240", "w:lineRule", "auto", NULL);
  bc_xml_end (x);
  bc_xml_start (x, "w:rPr", NULL);
  g_snprintf (size, sizeof size, "%d", BC_DOCX_SIZE_TABLE);
  bc_xml_empty (x, "w:sz", "w:val", size, NULL);
  bc_xml_empty (x, "w:szCs", "w:val", size, NULL);
  bc_xml_end (x);
  bc_xml_end (x);

  style_start (x, "paragraph", "Header", "header", "Normal");
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:jc", "w:val", "center", NULL);
  bc_xml_end (x);
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_val (x, "w:sz", BC_DOCX_SIZE_HEADER);
  bc_xml_val (x, "w:szCs", BC_DOCX_SIZE_HEADER);
  bc_xml_end (x);
  bc_xml_end (x);

  if (notes)
    note_styles (x);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static GBytes *
settings_part (gboolean notes)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "w:settings", "xmlns:w", NS_W, NULL);
  bc_xml_empty (x, "w:zoom", "w:percent", "100", NULL);
  bc_xml_empty (x, "w:defaultTabStop", "w:val", "720", NULL);
  bc_xml_empty (x, "w:characterSpacingControl", "w:val", "doNotCompress", NULL);
  if (notes)
    {
      bc_xml_start (x, "w:footnotePr", NULL);
      bc_xml_empty (x, "w:footnote", "w:id", "-1", NULL);
      bc_xml_empty (x, "w:footnote", "w:id", "0", NULL);
      bc_xml_end (x);
    }
  bc_xml_start (x, "w:compat", NULL);
  bc_xml_empty (x, "w:compatSetting", "w:name", "compatibilityMode",
                "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15", NULL);
  bc_xml_end (x);
  bc_xml_empty (x, "w:themeFontLang", "w:val", "vi-VN", NULL);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

/* The page number, centred in the top margin; @number FALSE: the empty
 * header of the first page. */
static GBytes *
header_part (gboolean number)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "w:hdr", "xmlns:w", NS_W, "xmlns:r", NS_R, NULL);
  bc_xml_start (x, "w:p", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:pStyle", "w:val", "Header", NULL);
  bc_xml_end (x);
  if (number)
    {
      bc_xml_start (x, "w:r", NULL);
      bc_xml_empty (x, "w:fldChar", "w:fldCharType", "begin", NULL);
      bc_xml_end (x);
      bc_xml_start (x, "w:r", NULL);
      bc_xml_start (x, "w:instrText", "xml:space", "preserve", NULL);
      bc_xml_text (x, " PAGE ", -1);
      bc_xml_end (x);
      bc_xml_end (x);
      bc_xml_start (x, "w:r", NULL);
      bc_xml_empty (x, "w:fldChar", "w:fldCharType", "separate", NULL);
      bc_xml_end (x);
      bc_xml_start (x, "w:r", NULL);
      bc_xml_element (x, "w:t", "2");
      bc_xml_end (x);
      bc_xml_start (x, "w:r", NULL);
      bc_xml_empty (x, "w:fldChar", "w:fldCharType", "end", NULL);
      bc_xml_end (x);
    }
  bc_xml_end (x);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static GBytes *
font_table_part (void)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "w:fonts", "xmlns:w", NS_W, NULL);
  bc_xml_start (x, "w:font", "w:name", FONT, NULL);
  bc_xml_empty (x, "w:panose1", "w:val", "02020603050405020304", NULL);
  bc_xml_empty (x, "w:charset", "w:val", "00", NULL);
  bc_xml_empty (x, "w:family", "w:val", "roman", NULL);
  bc_xml_empty (x, "w:pitch", "w:val", "variable", NULL);
  bc_xml_end (x);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static void
override (BcXmlWriter *x,
          const char  *part,
          const char  *type)
{
  bc_xml_empty (x, "Override", "PartName", part, "ContentType", type, NULL);
}

static GBytes *
content_types_part (gboolean comments,
                    gboolean notes)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types", NULL);
  bc_xml_empty (x, "Default", "Extension", "rels",
                "ContentType", "application/vnd.openxmlformats-package.relationships+xml", NULL);
  bc_xml_empty (x, "Default", "Extension", "xml", "ContentType", "application/xml", NULL);
  override (x, "/word/document.xml", CT_WML "document.main+xml");
  override (x, "/word/styles.xml", CT_WML "styles+xml");
  override (x, "/word/settings.xml", CT_WML "settings+xml");
  override (x, "/word/fontTable.xml", CT_WML "fontTable+xml");
  override (x, "/word/header1.xml", CT_WML "header+xml");
  override (x, "/word/header2.xml", CT_WML "header+xml");
  if (notes)
    override (x, "/word/footnotes.xml", CT_WML "footnotes+xml");
  if (comments)
    {
      override (x, "/word/comments.xml", CT_WML "comments+xml");
      override (x, "/word/commentsExtended.xml", CT_WML "commentsExtended+xml");
    }
  override (x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  override (x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static void
relationship (BcXmlWriter *x,
              const char  *id,
              const char  *type,
              const char  *target)
{
  bc_xml_empty (x, "Relationship", "Id", id, "Type", type, "Target", target, NULL);
}

static GBytes *
package_rels_part (void)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "Relationships", "xmlns", NS_PKG, NULL);
  relationship (x, "rId1", REL "officeDocument", "word/document.xml");
  relationship (x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  relationship (x, "rId3", REL "extended-properties", "docProps/app.xml");
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static GBytes *
document_rels_part (gboolean comments,
                    gboolean notes)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "Relationships", "xmlns", NS_PKG, NULL);
  relationship (x, "rIdStyles", REL "styles", "styles.xml");
  relationship (x, "rIdSettings", REL "settings", "settings.xml");
  relationship (x, "rIdFonts", REL "fontTable", "fontTable.xml");
  relationship (x, "rIdHeaderPage", REL "header", "header1.xml");
  relationship (x, "rIdHeaderFirst", REL "header", "header2.xml");
  if (notes)
    relationship (x, "rIdFootnotes", REL "footnotes", "footnotes.xml");
  if (comments)
    {
      relationship (x, "rIdComments", REL "comments", "comments.xml");
      relationship (x, "rIdCommentsExtended", REL_MS "commentsExtended", "commentsExtended.xml");
    }
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static char *
document_title (BcReport *report)
{
  const char *summary = bc_export_get_header (report, "summary");
  const char *doc_type = bc_export_get_header (report, "doc_type");

  if (*summary == '\0')
    return g_strdup (doc_type);
  return g_strdup (summary);
}

static GBytes *
core_part (BcReport  *report,
           GDateTime *created)
{
  BcXmlWriter *x = bc_xml_writer_new ();
  g_autofree char *title = document_title (report);
  g_autofree char *when = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  const char *issuer = bc_export_get_header (report, "issuing_body");

  bc_xml_start (x, "cp:coreProperties",
                "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                "xmlns:dc", "http://purl.org/dc/elements/1.1/",
                "xmlns:dcterms", "http://purl.org/dc/terms/",
                "xmlns:dcmitype", "http://purl.org/dc/dcmitype/",
                "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
  bc_xml_element (x, "dc:title", title);
  bc_xml_element (x, "dc:creator", issuer);
  bc_xml_element (x, "cp:lastModifiedBy", issuer);
  bc_xml_element (x, "dc:language", "vi-VN");
  bc_xml_start (x, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
  bc_xml_text (x, when, -1);
  bc_xml_end (x);
  bc_xml_start (x, "dcterms:modified", "xsi:type", "dcterms:W3CDTF", NULL);
  bc_xml_text (x, when, -1);
  bc_xml_end (x);
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static GBytes *
app_part (BcReport *report)
{
  BcXmlWriter *x = bc_xml_writer_new ();

  bc_xml_start (x, "Properties",
                "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", NULL);
  bc_xml_element (x, "Application", "Baocao");
  bc_xml_element (x, "Company", bc_export_get_header (report, "supervising_body"));
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}

static gboolean
zip_failed (GError      **error,
            zip_error_t  *zerror)
{
  g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_FAILED,
               _("The DOCX package could not be made: %s"), zip_error_strerror (zerror));
  return FALSE;
}

static guint
read_le (const guint8 *at,
         guint         n_bytes)
{
  guint value = 0;

  for (guint i = n_bytes; i-- > 0;)
    value = (value << 8) | at[i];
  return value;
}

static void
write_le16 (guint8 *at,
            guint   value)
{
  at[0] = value & 0xff;
  at[1] = (value >> 8) & 0xff;
}

/* A zip entry's DOS time and date of @when's UTC time, held to the years
 * DOS can say (1980–2107). */
static void
dos_time (GDateTime *when,
          guint     *time,
          guint     *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  int year = g_date_time_get_year (utc);

  if (year < 1980)
    {
      *time = 0;
      *date = (1 << 5) | 1;
      return;
    }
  if (year > 2107)
    {
      *time = (23 << 11) | (59 << 5) | 29;
      *date = (127 << 9) | (12 << 5) | 31;
      return;
    }
  *time = (g_date_time_get_hour (utc) << 11) | (g_date_time_get_minute (utc) << 5)
          | (g_date_time_get_second (utc) / 2);
  *date = ((year - 1980) << 9) | (g_date_time_get_month (utc) << 5) | g_date_time_get_day_of_month (utc);
}

#define ZIP_END_SIZE     22
#define ZIP_CENTRAL_SIZE 46
#define ZIP_LOCAL_SIZE   30

/* libzip 1.7 turns an entry's time into the DOS time of the local time
 * zone through mktime() and localtime(): the package would follow $TZ,
 * and a time in a daylight-saving gap would move by an hour. Every entry
 * is stamped here instead, in its central directory record and its local
 * header, with the document's UTC time. The archive is the one libzip
 * just wrote: no comment, no zip64. */
static gboolean
stamp_entries (guint8    *data,
               gsize      size,
               GDateTime *when)
{
  gsize end, offset;
  guint n_entries, time, date;

  if (size < ZIP_END_SIZE || read_le (data + size - ZIP_END_SIZE, 4) != 0x06054b50)
    return FALSE;
  end = size - ZIP_END_SIZE;
  n_entries = read_le (data + end + 10, 2);
  offset = read_le (data + end + 16, 4);
  dos_time (when, &time, &date);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize local;

      if (offset > end || end - offset < ZIP_CENTRAL_SIZE || read_le (data + offset, 4) != 0x02014b50)
        return FALSE;
      local = read_le (data + offset + 42, 4);
      if (local > offset || offset - local < ZIP_LOCAL_SIZE || read_le (data + local, 4) != 0x04034b50)
        return FALSE;
      write_le16 (data + offset + 12, time);
      write_le16 (data + offset + 14, date);
      write_le16 (data + local + 10, time);
      write_le16 (data + local + 12, date);
      offset += ZIP_CENTRAL_SIZE + read_le (data + offset + 28, 2) + read_le (data + offset + 30, 2)
                + read_le (data + offset + 32, 2);
    }
  return offset == end;
}

/* Zips @parts in memory, in order, every entry stamped with @when. */
static GBytes *
zip_parts (const Part  *parts,
           guint        n_parts,
           GDateTime   *when,
           GError     **error)
{
  zip_error_t zerror;
  zip_source_t *buffer;
  zip_t *zip;
  zip_stat_t stat;
  guint8 *data;
  zip_int64_t got;

  zip_error_init (&zerror);
  if ((buffer = zip_source_buffer_create (NULL, 0, 0, &zerror)) == NULL)
    return zip_failed (error, &zerror), NULL;
  zip_source_keep (buffer);
  if ((zip = zip_open_from_source (buffer, ZIP_TRUNCATE, &zerror)) == NULL)
    {
      zip_source_free (buffer);
      zip_source_free (buffer);
      return zip_failed (error, &zerror), NULL;
    }
  for (guint i = 0; i < n_parts; i++)
    {
      gsize length;
      const void *bytes = g_bytes_get_data (parts[i].data, &length);
      zip_source_t *source = zip_source_buffer (zip, bytes, length, 0);
      zip_int64_t index = source ? zip_file_add (zip, parts[i].name, source, ZIP_FL_ENC_UTF_8) : -1;

      if (index < 0)
        {
          if (source)
            zip_source_free (source);
          zip_error_set (&zerror, zip_error_code_zip (zip_get_error (zip)), 0);
          zip_discard (zip);
          zip_source_free (buffer);
          return zip_failed (error, &zerror), NULL;
        }
      zip_set_file_compression (zip, (zip_uint64_t) index, ZIP_CM_DEFLATE, 6);
    }
  if (zip_close (zip) != 0)
    {
      zip_error_set (&zerror, zip_error_code_zip (zip_get_error (zip)), 0);
      zip_discard (zip);
      zip_source_free (buffer);
      return zip_failed (error, &zerror), NULL;
    }
  if (zip_source_stat (buffer, &stat) != 0 || zip_source_open (buffer) != 0)
    {
      zip_source_free (buffer);
      zip_error_set (&zerror, ZIP_ER_INTERNAL, 0);
      return zip_failed (error, &zerror), NULL;
    }
  data = g_malloc (stat.size);
  got = zip_source_read (buffer, data, stat.size);
  zip_source_close (buffer);
  zip_source_free (buffer);
  if (got < 0 || (zip_uint64_t) got != stat.size || !stamp_entries (data, stat.size, when))
    {
      g_free (data);
      zip_error_set (&zerror, ZIP_ER_READ, 0);
      return zip_failed (error, &zerror), NULL;
    }
  return g_bytes_new_take (data, stat.size);
}

/**
 * bc_docx_build:
 * @report: the report
 * @options: (nullable): export options; with comments, they are written
 *   as Word comments
 *
 * Builds the DOCX package in memory.
 *
 * Returns: (transfer full): the package, or %NULL with @error set
 */
GBytes *
bc_docx_build (BcReport               *report,
               const BcExportOptions  *options,
               GError                **error)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(BcDocxComments) comments = NULL;
  GBytes *notes = NULL;
  GBytes *document;
  Part parts[14];
  guint n = 0;
  GBytes *package;

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  created = bc_export_dup_created (options);
  comments = bc_docx_comments_new (report, options);
  document = document_part (report, options, comments, &notes);
  parts[n++] = (Part) { "[Content_Types].xml", content_types_part (comments != NULL, notes != NULL) };
  parts[n++] = (Part) { "_rels/.rels", package_rels_part () };
  parts[n++] = (Part) { "docProps/core.xml", core_part (report, created) };
  parts[n++] = (Part) { "docProps/app.xml", app_part (report) };
  parts[n++] = (Part) { "word/document.xml", document };
  parts[n++] = (Part) { "word/_rels/document.xml.rels", document_rels_part (comments != NULL, notes != NULL) };
  parts[n++] = (Part) { "word/styles.xml", styles_part (notes != NULL) };
  parts[n++] = (Part) { "word/settings.xml", settings_part (notes != NULL) };
  parts[n++] = (Part) { "word/fontTable.xml", font_table_part () };
  parts[n++] = (Part) { "word/header1.xml", header_part (TRUE) };
  parts[n++] = (Part) { "word/header2.xml", header_part (FALSE) };
  if (notes != NULL)
    parts[n++] = (Part) { "word/footnotes.xml", notes };
  if (comments != NULL)
    {
      parts[n++] = (Part) { "word/comments.xml", bc_docx_comments_part (comments) };
      parts[n++] = (Part) { "word/commentsExtended.xml", bc_docx_comments_extended_part (comments) };
    }
  g_assert (n <= G_N_ELEMENTS (parts));

  package = zip_parts (parts, n, created, error);
  for (guint i = 0; i < n; i++)
    g_bytes_unref (parts[i].data);
  return package;
}

static gboolean
write_docx (BcReport               *report,
            const char             *tmp_path,
            const char             *path,
            const BcExportOptions  *options,
            GError                **error)
{
  g_autoptr(GBytes) package = bc_docx_build (report, options, error);

  return package != NULL && bc_export_write_file (tmp_path, package, path, error);
}

/**
 * bc_docx_export:
 * @report: the report
 * @path: the DOCX file to write; replaced only when the export succeeds
 * @options: (nullable): export options
 * @error: return location for a #BC_EXPORT_ERROR
 *
 * Writes the report laid out per Decree 30/2020/NĐ-CP, its appendices on
 * landscape pages after it.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_docx_export (BcReport               *report,
                const char             *path,
                const BcExportOptions  *options,
                GError                **error)
{
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return bc_export_run (report, path, options, write_docx, error);
}

/**
 * bc_docx_export_async:
 * @report: the report; a copy of its values is written
 * @path: the DOCX file to write
 * @options: (nullable): export options, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Writes the DOCX in a worker thread.
 */
void
bc_docx_export_async (BcReport              *report,
                      const char            *path,
                      const BcExportOptions *options,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_return_if_fail (BC_IS_REPORT (report));
  g_return_if_fail (path != NULL);
  bc_export_run_async (report, path, options, write_docx, bc_docx_export_async,
                       cancellable, callback, user_data);
}

/**
 * bc_docx_export_finish:
 *
 * Returns: %TRUE when the file was written
 */
gboolean
bc_docx_export_finish (BcReport      *report,
                       GAsyncResult  *result,
                       GError       **error)
{
  return bc_export_run_finish (report, result, bc_docx_export_async, error);
}
