/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-library-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-due-row.h"
#include "bc-keys.h"
#include "bc-library-view.h"
#include "bc-report-item.h"
#include "bc-report-row.h"
#include "bc-ui-utils.h"

/* The library's reports: a list view (rows made for what is on screen
 * only) over the library's index, with a search bar (Ctrl+F) whose words
 * and filters narrow it, grouped by period. */
struct _BcLibraryView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown    *template_filter;
  GtkDropDown    *unit_filter;
  GtkDropDown    *year_filter;
  GtkDropDown    *status_filter;
  GtkToggleButton *errors_filter;
  GtkToggleButton *group_toggle;
  GtkStack       *stack;
  GtkListView    *report_view;
  GtkWidget      *due_clamp;
  GtkListBox     *due_list;
  GtkLabel       *due_more;

  /* owned */
  BcReportList   *list;
  GtkSliceListModel *slice;      /* the first screenful until the first frame is painted */
  GStrv           template_ids;   /* the template filter's choices, after "any" */
  GStrv           units;
  GStrv           years;
  gboolean        updating;       /* the filters' choices are being replaced */
};

G_DEFINE_FINAL_TYPE (BcLibraryView, bc_library_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

enum
{
  OPEN_REPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const statuses[] = { "draft", "submitted", "returned", "approved", NULL };

static const char *
chosen (GtkDropDown *filter,
        GStrv        values)
{
  guint selected = gtk_drop_down_get_selected (filter);

  if (values == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > g_strv_length (values))
    return NULL;
  return values[selected - 1];
}

static void
show_page (BcLibraryView *self)
{
  gboolean none = self->list != NULL && bc_report_list_get_n_reports (self->list) == 0;

  if (self->list != NULL && bc_report_list_get_n_library (self->list) == 0)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else
    gtk_stack_set_visible_child_name (self->stack, none ? "no-match" : "reports");
}

static void
filter_changed_cb (BcLibraryView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *year = chosen (self->year_filter, self->years);
  BcLibraryFilter filter = {
    .text = text,
    .template_id = chosen (self->template_filter, self->template_ids),
    .unit = chosen (self->unit_filter, self->units),
    .year = year ? atoi (year) : 0,
    .status = chosen (self->status_filter, (GStrv) statuses),
    .errors_only = gtk_toggle_button_get_active (self->errors_filter),
  };

  if (self->updating || self->list == NULL)
    return;
  if (!bc_report_list_set_filter (self->list, &filter, &error))
    g_warning ("%s", error->message);
  show_page (self);
}

static void
stop_search_cb (BcLibraryView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
group_toggled_cb (BcLibraryView *self)
{
  if (self->list != NULL)
    bc_report_list_set_grouped (self->list, gtk_toggle_button_get_active (self->group_toggle));
}

static void
report_view_activate_cb (BcLibraryView *self,
                         guint          position)
{
  g_autoptr(BcReportItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (item != NULL && !bc_report_item_is_group (item))
    g_signal_emit (self, signals[OPEN_REPORT], 0, bc_report_item_get_id (item));
}

static void
due_row_activated_cb (BcLibraryView *self,
                      GtkListBoxRow *row)
{
  gint64 id = bc_due_row_get_report_id (row);

  /* Not started: New Report, which offers the last ended period. */
  if (id > 0)
    g_signal_emit (self, signals[OPEN_REPORT], 0, id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-report", NULL);
}

static void
setup_row_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item)
{
  gtk_list_item_set_child (list_item, bc_report_row_new ());
}

static void
bind_row_cb (GtkListItemFactory *factory,
             GtkListItem        *list_item)
{
  BcReportItem *item = gtk_list_item_get_item (list_item);

  /* A heading is neither opened nor selected. */
  gtk_list_item_set_activatable (list_item, !bc_report_item_is_group (item));
  gtk_list_item_set_selectable (list_item, FALSE);
  bc_report_row_set_item (BC_REPORT_ROW (gtk_list_item_get_child (list_item)), item);
}

static void
unbind_row_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item)
{
  bc_report_row_set_item (BC_REPORT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* Replaces a filter's choices by @values after "any", keeping the one
 * chosen when it is still there. */
static void
set_choices (GtkDropDown *filter,
             const char  *any,
             GStrv       *current,
             GStrv        values,
             GStrv        labels)
{
  const char *was = chosen (filter, *current);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, any);
  for (guint i = 0; values[i] != NULL; i++)
    {
      gtk_string_list_append (model, labels ? labels[i] : values[i]);
      if (g_strcmp0 (was, values[i]) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (filter, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (filter, selected);
  g_strfreev (*current);
  *current = g_strdupv (values);
}

static void
update_templates (BcLibraryView *self,
                  BcStore       *store)
{
  g_auto(GStrv) rows = bc_library_list_values (store, BC_LIBRARY_TEMPLATES, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) name_list = NULL;

  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], "\t", 2);
      g_strv_builder_add (ids, parts[0]);
      g_strv_builder_add (names, parts[1] && *parts[1] ? parts[1] : parts[0]);
    }
  id_list = g_strv_builder_end (ids);
  name_list = g_strv_builder_end (names);
  /* Translators: the template filter of the report list, nothing chosen */
  set_choices (self->template_filter, _("All Templates"), &self->template_ids, id_list, name_list);
}

static void
update_filters (BcLibraryView *self,
                BcStore       *store)
{
  g_auto(GStrv) units = bc_library_list_values (store, BC_LIBRARY_UNITS, NULL);
  g_auto(GStrv) years = bc_library_list_values (store, BC_LIBRARY_YEARS, NULL);
  const char *status_labels[G_N_ELEMENTS (statuses)] = { NULL };
  g_auto(GStrv) no_status = NULL;

  for (guint i = 0; statuses[i] != NULL; i++)
    status_labels[i] = bc_key_status_label (statuses[i]);
  self->updating = TRUE;
  update_templates (self, store);
  if (units != NULL)
    /* Translators: the unit filter of the report list, nothing chosen */
    set_choices (self->unit_filter, _("All Units"), &self->units, units, NULL);
  if (years != NULL)
    /* Translators: the year filter of the report list, nothing chosen */
    set_choices (self->year_filter, _("All Years"), &self->years, years, NULL);
  if (gtk_drop_down_get_model (self->status_filter) == NULL)
    /* Translators: the status filter of the report list, nothing chosen */
    set_choices (self->status_filter, _("All Statuses"), &no_status, (GStrv) statuses, (GStrv) status_labels);
  self->updating = FALSE;
}

/* GTK 4.8's list view makes rows for 200 items whatever the screen
 * shows; made before the first frame, they cost a library of thousands
 * most of its start-up. The first frame gets the first rows, enough
 * for a tall screen; the rest follow at once after it. */
#define FIRST_ROWS 40

static gboolean
show_all_rows_cb (gpointer data)
{
  BcLibraryView *self = data;

  if (self->slice != NULL)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* The first frame is being made: the rest of the rows come after it is
 * painted (an idle of low priority runs after the frame's paint). */
static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  g_idle_add_full (G_PRIORITY_LOW, show_all_rows_cb, g_object_ref (data), NULL);
  return G_SOURCE_REMOVE;
}

static void
bc_library_view_dispose (GObject *object)
{
  BcLibraryView *self = BC_LIBRARY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_LIBRARY_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->slice);
  g_clear_pointer (&self->template_ids, g_strfreev);
  g_clear_pointer (&self->units, g_strfreev);
  g_clear_pointer (&self->years, g_strfreev);

  G_OBJECT_CLASS (bc_library_view_parent_class)->dispose (object);
}

static void
bc_library_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BcLibraryView *self = BC_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_library_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BcLibraryView *self = BC_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_mode_cb (BcLibraryView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar) && self->list != NULL)
    update_filters (self, bc_report_list_get_store (self->list));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
bc_library_view_class_init (BcLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_library_view_dispose;
  object_class->get_property = bc_library_view_get_property;
  object_class->set_property = bc_library_view_set_property;

  /* Whether the search bar is shown. */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A report was chosen: its id. */
  signals[OPEN_REPORT] = g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, template_filter);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, year_filter);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, errors_filter);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, group_toggle);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, report_view);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, due_clamp);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, due_list);
  gtk_widget_class_bind_template_child (widget_class, BcLibraryView, due_more);
  gtk_widget_class_bind_template_callback (widget_class, due_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_view_activate_cb);
}

static void
bc_library_view_init (BcLibraryView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->report_view, factory);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
}

/**
 * bc_library_view_set_store:
 *
 * Lists the reports of @store; nothing is read before bc_library_view_reload().
 */
void
bc_library_view_set_store (BcLibraryView *self,
                           BcStore       *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (BC_IS_LIBRARY_VIEW (self));
  g_return_if_fail (BC_IS_STORE (store));

  g_clear_object (&self->list);
  g_clear_object (&self->slice);
  self->list = bc_report_list_new (store);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->report_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->report_view), first_tick_cb, self, NULL);
}

/**
 * bc_library_view_reload:
 *
 * Reads the list again: the summaries of changed reports, the filters'
 * choices, the rows on screen.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_library_view_reload (BcLibraryView  *self,
                        GError        **error)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (self->list != NULL, FALSE);

  if (!bc_report_list_refresh (self->list, error))
    return FALSE;
  /* The filters' choices are read when the search bar shows them. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    update_filters (self, bc_report_list_get_store (self->list));
  show_page (self);
  return TRUE;
}

/**
 * bc_library_view_reload_if_changed:
 *
 * Reloads when the library changed since (SQLite's data_version): another
 * program, or this one's writer, changed a report.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_library_view_reload_if_changed (BcLibraryView  *self,
                                   GError        **error)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), FALSE);

  if (self->list == NULL || !bc_report_list_is_changed (self->list))
    return TRUE;
  return bc_library_view_reload (self, error);
}

/**
 * bc_library_view_get_list:
 *
 * Returns: (transfer none): the model of the list: headings and reports
 */
BcReportList *
bc_library_view_get_list (BcLibraryView *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), NULL);
  return self->list;
}

GtkListView *
bc_library_view_get_list_view (BcLibraryView *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), NULL);
  return self->report_view;
}

GtkEditable *
bc_library_view_get_search_entry (BcLibraryView *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * bc_library_view_search:
 *
 * Shows the search bar, its field focused (Ctrl+F).
 */
void
bc_library_view_search (BcLibraryView *self)
{
  g_return_if_fail (BC_IS_LIBRARY_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * bc_library_view_show_report:
 *
 * Scrolls report @id into view and focuses its row (back from a report).
 */
void
bc_library_view_show_report (BcLibraryView *self,
                             gint64         id)
{
  gint position;

  g_return_if_fail (BC_IS_LIBRARY_VIEW (self));

  if (self->list == NULL || (position = bc_report_list_find (self->list, id)) < 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->report_view), "list.scroll-to-item", "u", (guint) position);
}

/**
 * bc_library_view_get_unit:
 *
 * Returns: (transfer none) (nullable): the unit its filter chose
 */
const char *
bc_library_view_get_unit (BcLibraryView *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), NULL);
  return chosen (self->unit_filter, self->units);
}

/**
 * bc_library_view_set_due:
 * @items: (element-type BcDueItem) (nullable): from bc_due_list()
 *
 * Shows, above the list, the reports late or due within a working week
 * (at most BC_LIBRARY_VIEW_MAX_DUE, then how many more); nothing when
 * none is.
 */
void
bc_library_view_set_due (BcLibraryView *self,
                         GPtrArray     *items)
{
  GtkWidget *row;
  guint shown = 0, more = 0;

  g_return_if_fail (BC_IS_LIBRARY_VIEW (self));

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->due_list, 0))) != NULL)
    gtk_list_box_remove (self->due_list, row);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const BcDueItem *item = items->pdata[i];
      if (bc_due_item_state (item) == BC_DUE_NOTHING)
        continue;
      if (shown++ < BC_LIBRARY_VIEW_MAX_DUE)
        gtk_list_box_append (self->due_list, bc_due_row_new (item));
      else
        more++;
    }
  if (more > 0)
    {
      /* Translators: under the list of reports to do; %u is a number */
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more report", "and %u more reports", more), more);
      gtk_label_set_text (self->due_more, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->due_more), more > 0);
  gtk_widget_set_visible (self->due_clamp, shown > 0);
}

/**
 * bc_library_view_get_due_list:
 *
 * Returns: (transfer none): the list of reports to do, one row each
 */
GtkListBox *
bc_library_view_get_due_list (BcLibraryView *self)
{
  g_return_val_if_fail (BC_IS_LIBRARY_VIEW (self), NULL);
  return gtk_widget_get_visible (self->due_clamp) ? self->due_list : NULL;
}
