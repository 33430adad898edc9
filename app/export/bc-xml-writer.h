/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small streaming XML writer for the parts of a DOCX package. Element
 * and attribute names are trusted literals; every text and attribute value
 * is escaped, and characters XML 1.0 forbids are dropped. */

typedef struct _BcXmlWriter BcXmlWriter;

BcXmlWriter *bc_xml_writer_new            (void);
void         bc_xml_writer_free           (BcXmlWriter *self);
GBytes      *bc_xml_writer_free_to_bytes  (BcXmlWriter *self);
void         bc_xml_start                 (BcXmlWriter *self,
                                           const char  *name,
                                           ...) G_GNUC_NULL_TERMINATED;
void         bc_xml_empty                 (BcXmlWriter *self,
                                           const char  *name,
                                           ...) G_GNUC_NULL_TERMINATED;
void         bc_xml_end                   (BcXmlWriter *self);
void         bc_xml_text                  (BcXmlWriter *self,
                                           const char  *text,
                                           gssize       length);
void         bc_xml_element               (BcXmlWriter *self,
                                           const char  *name,
                                           const char  *text);
void         bc_xml_val                   (BcXmlWriter *self,
                                           const char  *name,
                                           gint64       value);
guint        bc_xml_writer_get_depth      (BcXmlWriter *self);
gsize        bc_xml_writer_get_offset     (BcXmlWriter *self);
void         bc_xml_writer_insert_raw     (BcXmlWriter *self,
                                           gsize        offset,
                                           const char  *markup);

void         bc_xml_append_escaped        (GString     *out,
                                           const char  *text,
                                           gssize       length,
                                           gboolean     attribute);
char        *bc_xml_clean_text            (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcXmlWriter, bc_xml_writer_free)

G_END_DECLS
