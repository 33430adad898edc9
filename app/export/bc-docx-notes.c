/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include "bc-docx-private.h"

/* Footnotes: a reference mark in the text, the note at the page's foot
 * (word/footnotes.xml). Word wants the separator and continuation
 * separator notes, ids -1 and 0, named again in settings.xml; the notes
 * of the report are numbered from 1 in the order they are cited. The
 * part, its styles and settings are written only when a note is cited,
 * so a report without notes gives the same package as before. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void
separator_note (BcXmlWriter *x,
                const char  *type,
                const char  *id,
                const char  *what)
{
  bc_xml_start (x, "w:footnote", "w:type", type, "w:id", id, NULL);
  bc_xml_start (x, "w:p", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
  bc_xml_end (x);
  bc_xml_start (x, "w:r", NULL);
  bc_xml_empty (x, what, NULL);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_end (x);
}

static void
reference_run (BcXmlWriter *x,
               const char  *element,
               const char  *id)
{
  bc_xml_start (x, "w:r", NULL);
  bc_xml_start (x, "w:rPr", NULL);
  bc_xml_empty (x, "w:rStyle", "w:val", BC_DOCX_STYLE_NOTE_REF, NULL);
  bc_xml_end (x);
  if (id != NULL)
    bc_xml_empty (x, element, "w:id", id, NULL);
  else
    bc_xml_empty (x, element, NULL);
  bc_xml_end (x);
}

/**
 * bc_docx_footnote: (skip)
 * @text: the note: a document cited ("Công điện số 1114/CĐ-TTg ngày …"),
 *   any sentence
 *
 * Puts a footnote's reference mark in the paragraph being written, and
 * the note itself in the footnotes part.
 */
void
bc_docx_footnote (BcDocx     *d,
                  const char *text)
{
  BcXmlWriter *x;
  char id[24];

  if (d->notes == NULL)
    {
      d->notes = bc_xml_writer_new ();
      bc_xml_start (d->notes, "w:footnotes", "xmlns:w", NS_W, NULL);
      separator_note (d->notes, "separator", "-1", "w:separator");
      separator_note (d->notes, "continuationSeparator", "0", "w:continuationSeparator");
    }
  g_snprintf (id, sizeof id, "%u", ++d->n_notes);
  reference_run (d->xml, "w:footnoteReference", id);

  x = d->notes;
  bc_xml_start (x, "w:footnote", "w:id", id, NULL);
  bc_xml_start (x, "w:p", NULL);
  bc_xml_start (x, "w:pPr", NULL);
  bc_xml_empty (x, "w:pStyle", "w:val", BC_DOCX_STYLE_NOTE, NULL);
  bc_xml_end (x);
  reference_run (x, "w:footnoteRef", NULL);
  bc_xml_start (x, "w:r", NULL);
  bc_xml_start (x, "w:t", "xml:space", "preserve", NULL);
  bc_xml_text (x, " ", -1);
  bc_xml_text (x, text, -1);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_end (x);
  bc_xml_end (x);
}

/**
 * bc_docx_footnotes_finish: (skip)
 *
 * Returns: (transfer full) (nullable): word/footnotes.xml, %NULL when no
 *   note was cited
 */
GBytes *
bc_docx_footnotes_finish (BcDocx *d)
{
  BcXmlWriter *x = g_steal_pointer (&d->notes);

  if (x == NULL)
    return NULL;
  bc_xml_end (x);
  return bc_xml_writer_free_to_bytes (x);
}
