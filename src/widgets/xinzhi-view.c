/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-view.h"

/* What the window's views (Timeline, Sectors, Quotes, Articles) share, so that the
 * window keeps them in one array and treats them alike: the corpus they show, the
 * window's filter and the person's notes, whether they are collapsed for a narrow
 * window, and whether, collapsed, they show their content alone under a header bar of
 * their own (content-only), so that the window hides its own.  A view the filter does
 * not narrow, or that has nothing to note, still holds them, so that the window can hand
 * every view the same things.
 *
 * Views do not call the window: to lead elsewhere they activate its actions
 * (win.show-document, win.show-quote, win.show-mention, win.add-filter), which any
 * widget in the window can. */

G_DEFINE_INTERFACE (XinzhiView, xinzhi_view, GTK_TYPE_WIDGET)

static GObject *
xinzhi_view_real_get_selected_item (XinzhiView *self)
{
  return NULL;
}

static void
xinzhi_view_default_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_view_real_get_selected_item;

  /**
   * XinzhiView:corpus:
   *
   * The corpus the view shows, or %NULL.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("corpus", NULL, NULL,
                         XINZHI_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XinzhiView:filter:
   *
   * The filter of sectors, people and outlets the view follows: the window's, shared
   * with the other views.  A view it narrows makes one of its own when given %NULL; the
   * Sectors view only holds it.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("filter", NULL, NULL,
                         XINZHI_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XinzhiView:notes:
   *
   * The person's stars and notes, or %NULL.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("notes", NULL, NULL,
                         XINZHI_TYPE_NOTES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XinzhiView:collapsed:
   *
   * Whether the view shows its parts one at a time, for narrow windows.
   */
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("collapsed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * XinzhiView:content-only:
   *
   * Whether the view, collapsed, shows its content alone with a header bar of its own
   * (with the back button and the window's buttons), so that the window can hide its
   * own header bar.
   */
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("content-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

/**
 * xinzhi_view_install_properties:
 * @object_class: the class of a view
 * @first_prop: the id of its first property; the view's own properties come after
 *   `first_prop + XINZHI_VIEW_N_PROPS`
 *
 * Overrides the properties of #XinzhiView, in the order of #XinzhiViewProperty.
 */
void
xinzhi_view_install_properties (GObjectClass *object_class,
                                guint         first_prop)
{
  g_object_class_override_property (object_class, first_prop + XINZHI_VIEW_PROP_CORPUS, "corpus");
  g_object_class_override_property (object_class, first_prop + XINZHI_VIEW_PROP_FILTER, "filter");
  g_object_class_override_property (object_class, first_prop + XINZHI_VIEW_PROP_NOTES, "notes");
  g_object_class_override_property (object_class, first_prop + XINZHI_VIEW_PROP_COLLAPSED, "collapsed");
  g_object_class_override_property (object_class, first_prop + XINZHI_VIEW_PROP_CONTENT_ONLY,
                                    "content-only");
}

/* ---- Content alone, for views in an AdwNavigationSplitView ---------------------------- */

typedef struct
{
  AdwNavigationSplitView *split_view;   /* borrowed: a child of the view */
  gboolean                content_only;
} SplitViewState;

static GQuark
split_view_state_quark (void)
{
  return g_quark_from_static_string ("xinzhi-view-split-view");
}

static void
split_view_notify_cb (XinzhiView *self)
{
  SplitViewState *state = g_object_get_qdata (G_OBJECT (self), split_view_state_quark ());
  gboolean content_only;

  content_only = adw_navigation_split_view_get_collapsed (state->split_view) &&
                 adw_navigation_split_view_get_show_content (state->split_view);

  if (content_only != state->content_only)
    {
      state->content_only = content_only;
      g_object_notify (G_OBJECT (self), "content-only");
    }
}

/**
 * xinzhi_view_follow_split_view:
 * @split_view: the view's split view, a child of it
 *
 * Keeps the view's content-only true while @split_view, collapsed, shows its content;
 * the view's getter of it returns xinzhi_view_split_view_content_only().
 */
void
xinzhi_view_follow_split_view (XinzhiView             *self,
                               AdwNavigationSplitView *split_view)
{
  SplitViewState *state;

  g_return_if_fail (XINZHI_IS_VIEW (self));
  g_return_if_fail (ADW_IS_NAVIGATION_SPLIT_VIEW (split_view));
  g_return_if_fail (g_object_get_qdata (G_OBJECT (self), split_view_state_quark ()) == NULL);

  state = g_new0 (SplitViewState, 1);
  state->split_view = split_view;
  g_object_set_qdata_full (G_OBJECT (self), split_view_state_quark (), state, g_free);

  /* The handlers go with the view (g_signal_handlers_disconnect_by_data() too). */
  g_signal_connect_object (split_view, "notify::collapsed",
                           G_CALLBACK (split_view_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (split_view, "notify::show-content",
                           G_CALLBACK (split_view_notify_cb), self, G_CONNECT_SWAPPED);
  split_view_notify_cb (self);
}

/**
 * xinzhi_view_split_view_content_only:
 *
 * Returns: whether the split view xinzhi_view_follow_split_view() was given shows its
 *   content alone
 */
gboolean
xinzhi_view_split_view_content_only (XinzhiView *self)
{
  SplitViewState *state;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), FALSE);

  state = g_object_get_qdata (G_OBJECT (self), split_view_state_quark ());
  g_return_val_if_fail (state != NULL, FALSE);
  return state->content_only;
}

/**
 * xinzhi_view_split_view_collapsed:
 *
 * Returns: whether the split view xinzhi_view_follow_split_view() was given is
 *   collapsed: the view's "collapsed"
 */
gboolean
xinzhi_view_split_view_collapsed (XinzhiView *self)
{
  SplitViewState *state;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), FALSE);

  state = g_object_get_qdata (G_OBJECT (self), split_view_state_quark ());
  g_return_val_if_fail (state != NULL, FALSE);
  return adw_navigation_split_view_get_collapsed (state->split_view);
}

/**
 * xinzhi_view_set_split_view_collapsed:
 * @collapsed: whether to show the view's parts one at a time
 *
 * Sets the view's "collapsed" on the split view xinzhi_view_follow_split_view() was
 * given, and notifies it when it changes.
 */
void
xinzhi_view_set_split_view_collapsed (XinzhiView *self,
                                      gboolean    collapsed)
{
  SplitViewState *state;

  g_return_if_fail (XINZHI_IS_VIEW (self));

  state = g_object_get_qdata (G_OBJECT (self), split_view_state_quark ());
  g_return_if_fail (state != NULL);

  collapsed = !!collapsed;
  if (collapsed == adw_navigation_split_view_get_collapsed (state->split_view))
    return;

  adw_navigation_split_view_set_collapsed (state->split_view, collapsed);
  g_object_notify (G_OBJECT (self), "collapsed");
}

/**
 * xinzhi_view_is_row_at:
 * @list: a #GtkListView
 * @x: where a click was, in @list's coordinates
 * @y: the same
 *
 * Tells a click on a row of @list from one on the space below the last row.  A list
 * view gives each item a widget of its own that GTK does not make public; its CSS name,
 * "row", is what names it, here only.
 *
 * Returns: whether there is a row at @x, @y
 */
gboolean
xinzhi_view_is_row_at (GtkWidget *list,
                       double     x,
                       double     y)
{
  g_return_val_if_fail (GTK_IS_LIST_VIEW (list), FALSE);

  for (GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list;
       widget = gtk_widget_get_parent (widget))
    {
      if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
        return TRUE;
    }

  return FALSE;
}

/* ---- Public API ------------------------------------------------------------------------ */

/**
 * xinzhi_view_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus shown
 */
XinzhiCorpus *
xinzhi_view_get_corpus (XinzhiView *self)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), NULL);

  /* The view holds it. */
  g_object_get (self, "corpus", &corpus, NULL);
  return corpus;
}

/**
 * xinzhi_view_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the view follows
 */
XinzhiFilter *
xinzhi_view_get_filter (XinzhiView *self)
{
  g_autoptr(XinzhiFilter) filter = NULL;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), NULL);

  g_object_get (self, "filter", &filter, NULL);
  return filter;
}

/**
 * xinzhi_view_get_notes:
 *
 * Returns: (transfer none) (nullable): the person's stars and notes
 */
XinzhiNotes *
xinzhi_view_get_notes (XinzhiView *self)
{
  g_autoptr(XinzhiNotes) notes = NULL;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), NULL);

  g_object_get (self, "notes", &notes, NULL);
  return notes;
}

gboolean
xinzhi_view_get_collapsed (XinzhiView *self)
{
  gboolean collapsed;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), FALSE);

  g_object_get (self, "collapsed", &collapsed, NULL);
  return collapsed;
}

gboolean
xinzhi_view_get_content_only (XinzhiView *self)
{
  gboolean content_only;

  g_return_val_if_fail (XINZHI_IS_VIEW (self), FALSE);

  g_object_get (self, "content-only", &content_only, NULL);
  return content_only;
}

/**
 * xinzhi_view_get_selected_item:
 *
 * Returns: (transfer none) (nullable): what the view shows now: an article, an event, a
 *   sector or a quote
 */
GObject *
xinzhi_view_get_selected_item (XinzhiView *self)
{
  g_return_val_if_fail (XINZHI_IS_VIEW (self), NULL);

  return XINZHI_VIEW_GET_IFACE (self)->get_selected_item (self);
}

void
xinzhi_view_set_corpus (XinzhiView   *self,
                        XinzhiCorpus *corpus)
{
  g_return_if_fail (XINZHI_IS_VIEW (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  g_object_set (self, "corpus", corpus, NULL);
}

void
xinzhi_view_set_filter (XinzhiView   *self,
                        XinzhiFilter *filter)
{
  g_return_if_fail (XINZHI_IS_VIEW (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  g_object_set (self, "filter", filter, NULL);
}

void
xinzhi_view_set_notes (XinzhiView  *self,
                       XinzhiNotes *notes)
{
  g_return_if_fail (XINZHI_IS_VIEW (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  g_object_set (self, "notes", notes, NULL);
}

void
xinzhi_view_set_collapsed (XinzhiView *self,
                           gboolean    collapsed)
{
  g_return_if_fail (XINZHI_IS_VIEW (self));

  g_object_set (self, "collapsed", collapsed, NULL);
}

/* A view off the screen takes a change of the filter when it is shown again, and not
 * before: with every view built, each change of the span would otherwise count, sort
 * and bind for views nobody sees (docs/benchmarks.md, "span-filter").  What a widget
 * defers is kept on it. */
typedef struct
{
  GCallback changed_cb;
  gboolean  pending;      /* a change came while the widget was off the screen */
} Deferred;

static GQuark
deferred_quark (void)
{
  return g_quark_from_static_string ("xinzhi-view-deferred");
}

static void
deferred_changed_cb (GtkWidget *widget)
{
  Deferred *deferred = g_object_get_qdata (G_OBJECT (widget), deferred_quark ());

  if (!gtk_widget_get_mapped (widget))
    {
      deferred->pending = TRUE;
      return;
    }

  deferred->pending = FALSE;
  ((void (*) (GtkWidget *)) deferred->changed_cb) (widget);
}

static void
deferred_map_cb (GtkWidget *widget)
{
  xinzhi_view_catch_up (widget);
}

/**
 * xinzhi_view_defer_while_hidden:
 * @widget: a view, or a widget in one, that follows the filter
 * @changed_cb: its handler of the filter's "changed", called swapped with @widget
 *
 * For a widget whose handler of the filter's changes costs much: connect what this
 * returns, swapped with @widget, instead of @changed_cb.  While @widget is not mapped (a
 * view not shown), a change only marks it; @changed_cb runs once when it is mapped
 * again, or when xinzhi_view_catch_up() asks.  A widget defers one handler.
 *
 * Returns: the callback to connect
 */
GCallback
xinzhi_view_defer_while_hidden (GtkWidget *widget,
                                GCallback  changed_cb)
{
  Deferred *deferred;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (changed_cb != NULL, NULL);

  deferred = g_object_get_qdata (G_OBJECT (widget), deferred_quark ());
  if (deferred == NULL)
    {
      deferred = g_new0 (Deferred, 1);
      g_object_set_qdata_full (G_OBJECT (widget), deferred_quark (), deferred, g_free);
      g_signal_connect (widget, "map", G_CALLBACK (deferred_map_cb), NULL);
    }
  g_return_val_if_fail (deferred->changed_cb == NULL || deferred->changed_cb == changed_cb, NULL);
  deferred->changed_cb = changed_cb;

  return G_CALLBACK (deferred_changed_cb);
}

/**
 * xinzhi_view_catch_up:
 * @widget: a widget given to xinzhi_view_defer_while_hidden(), or any other
 *
 * Takes in a change of the filter that @widget deferred, if any, now: call it before
 * reading what a view not shown shows.
 */
void
xinzhi_view_catch_up (GtkWidget *widget)
{
  Deferred *deferred;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  deferred = g_object_get_qdata (G_OBJECT (widget), deferred_quark ());
  if (deferred == NULL || !deferred->pending)
    return;

  deferred->pending = FALSE;
  ((void (*) (GtkWidget *)) deferred->changed_cb) (widget);
}
