/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-add-event-dialog.h"
#include "xinzhi-add-quote-dialog.h"
#include "xinzhi-extraction.h"
#include "xinzhi-corpus-edit.h"
#include "xinzhi-dialogs.h"
#include "xinzhi-window-private.h"

/* ---- Reviewing what the extractor suggested -------------------------------------------
 *
 * win.accept-quote and win.reject-quote (a quote's id), and win.accept-article-quotes
 * (a quote's id: every suggestion of its article), win.set-speaker (a quote's and a
 * person's ids), win.set-new-speaker and win.add-role (a quote's id: ask the new
 * person's name, or the speaker's role in the article), win.set-kind (a quote's id and
 * "direct" or "paraphrase"), win.accept-event and win.reject-event (a candidate
 * event's id), win.accept-article-events (an event's id: every candidate event of its
 * article) and win.set-event-title (an event's id: ask the title) edit the corpus file
 * shown (and so do win.add-term, win.merge-person, win.set-article-title and
 * win.set-article-outlet, below)
 * (xinzhi_corpus_edit_file_async(): in a thread, atomically, never over a change made
 * elsewhere, never with a result the loader refuses), and the window then shows the
 * corpus the edit loaded to check it, at the same quote.  win.add-quote (an article's
 * id and where a selection in it starts and ends) asks who spoke the words
 * (XinzhiAddQuoteDialog) and adds them as a quote (xinzhi_corpus_add_quote_file_async()).
 * Every edit can be undone and redone (win.undo,
 * win.redo, Ctrl+Z and Ctrl+Shift+Z, named in the main menu): a step keeps what the file
 * held before and after, and undoing writes back the one, under the same rules.  The
 * steps belong to the file shown: opening a corpus in any other way forgets them
 * (_xinzhi_window_forget_edits()).  One edit runs at a time. */

typedef struct
{
  const char *undo_label;   /* the menu's words, translated when shown */
  const char *redo_label;
  const char *done;         /* the toast once done */
  const char *undone;       /* the toast once undone */
  const char *failed;       /* the alert's heading */
} EditWords;

static const EditWords edit_words[] = {
  [XINZHI_CORPUS_EDIT_ACCEPT_QUOTE] = {
    N_("_Undo Accept Quote"), N_("_Redo Accept Quote"),
    N_("Quote accepted"), N_("Accepting the quote undone"), N_("Could Not Accept Quote"),
  },
  [XINZHI_CORPUS_EDIT_REJECT_QUOTE] = {
    N_("_Undo Reject Quote"), N_("_Redo Reject Quote"),
    N_("Quote rejected"), N_("Rejecting the quote undone"), N_("Could Not Reject Quote"),
  },
  [XINZHI_CORPUS_EDIT_SET_SPEAKER] = {
    N_("_Undo Change Speaker"), N_("_Redo Change Speaker"),
    N_("Speaker changed"), N_("Changing the speaker undone"), N_("Could Not Change the Speaker"),
  },
  [XINZHI_CORPUS_EDIT_SET_KIND] = {
    N_("_Undo Change Quote Kind"), N_("_Redo Change Quote Kind"),
    N_("Quote kind changed"), N_("Changing the quote kind undone"), N_("Could Not Change the Quote Kind"),
  },
  [XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT] = {
    N_("_Undo Accept All in Article"), N_("_Redo Accept All in Article"),
    N_("The article’s quotes accepted"), N_("Accepting the article’s quotes undone"),
    N_("Could Not Accept the Quotes"),
  },
  [XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER] = {
    N_("_Undo Change Speaker"), N_("_Redo Change Speaker"),
    N_("Speaker changed"), N_("Changing the speaker undone"), N_("Could Not Change the Speaker"),
  },
  [XINZHI_CORPUS_EDIT_ADD_ROLE] = {
    N_("_Undo Add Role"), N_("_Redo Add Role"),
    N_("Role added"), N_("Adding the role undone"), N_("Could Not Add the Role"),
  },
  [XINZHI_CORPUS_EDIT_ADD_QUOTE] = {
    N_("_Undo Add Quote"), N_("_Redo Add Quote"),
    N_("Quote added"), N_("Adding the quote undone"), N_("Could Not Add the Quote"),
  },
  [XINZHI_CORPUS_EDIT_ACCEPT_EVENT] = {
    N_("_Undo Accept Event"), N_("_Redo Accept Event"),
    N_("Event accepted"), N_("Accepting the event undone"), N_("Could Not Accept the Event"),
  },
  [XINZHI_CORPUS_EDIT_REJECT_EVENT] = {
    N_("_Undo Reject Event"), N_("_Redo Reject Event"),
    N_("Event rejected"), N_("Rejecting the event undone"), N_("Could Not Reject the Event"),
  },
  [XINZHI_CORPUS_EDIT_ADD_EVENT] = {
    N_("_Undo Add Event"), N_("_Redo Add Event"),
    N_("Event added"), N_("Adding the event undone"), N_("Could Not Add the Event"),
  },
  [XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS] = {
    N_("_Undo Accept All Events in Article"), N_("_Redo Accept All Events in Article"),
    N_("The article’s events accepted"), N_("Accepting the article’s events undone"),
    N_("Could Not Accept the Events"),
  },
  [XINZHI_CORPUS_EDIT_SET_EVENT_TITLE] = {
    N_("_Undo Change Event Title"), N_("_Redo Change Event Title"),
    N_("Event title changed"), N_("Changing the event title undone"), N_("Could Not Change the Title"),
  },
  [XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH] = {
    N_("_Undo Change Event Title"), N_("_Redo Change Event Title"),
    N_("Event title changed"), N_("Changing the event title undone"), N_("Could Not Change the Title"),
  },
  [XINZHI_CORPUS_EDIT_ADD_TERM] = {
    N_("_Undo Add Term"), N_("_Redo Add Term"),
    N_("Term added"), N_("Adding the term undone"), N_("Could Not Add the Term"),
  },
  [XINZHI_CORPUS_EDIT_REMOVE_ROLE] = {
    N_("_Undo Remove Role"), N_("_Redo Remove Role"),
    N_("Role removed"), N_("Removing the role undone"), N_("Could Not Remove the Role"),
  },
  [XINZHI_CORPUS_EDIT_REMOVE_TERM] = {
    N_("_Undo Remove Term"), N_("_Redo Remove Term"),
    N_("Term removed"), N_("Removing the term undone"), N_("Could Not Remove the Term"),
  },
  [XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE] = {
    N_("_Undo Change Article Title"), N_("_Redo Change Article Title"),
    N_("Article title changed"), N_("Changing the article title undone"), N_("Could Not Change the Title"),
  },
  [XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET] = {
    N_("_Undo Change Outlet"), N_("_Redo Change Outlet"),
    N_("Outlet changed"), N_("Changing the outlet undone"), N_("Could Not Change the Outlet"),
  },
  [XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE] = {
    N_("_Undo Change Article Date"), N_("_Redo Change Article Date"),
    N_("Article date changed"), N_("Changing the article date undone"), N_("Could Not Change the Date"),
  },
  [XINZHI_CORPUS_EDIT_MERGE_PEOPLE] = {
    N_("_Undo Merge People"), N_("_Redo Merge People"),
    N_("People merged"), N_("Merging the people undone"), N_("Could Not Merge the People"),
  },
};

/* The window's edit actions: their names, and what each does.  A quote's id is the
 * parameter, with a person's id or a kind for those that take a value "(ss)". */
static const struct
{
  const char           *action;
  XinzhiCorpusEditKind  kind;
} edit_actions[] = {
  { "win.accept-quote", XINZHI_CORPUS_EDIT_ACCEPT_QUOTE },
  { "win.accept-article-quotes", XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT },  /* every suggestion of its article */
  { "win.reject-quote", XINZHI_CORPUS_EDIT_REJECT_QUOTE },
  { "win.set-speaker", XINZHI_CORPUS_EDIT_SET_SPEAKER },                /* (quote, person) */
  { "win.set-new-speaker", XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER },        /* quote: asks the name */
  { "win.add-role", XINZHI_CORPUS_EDIT_ADD_ROLE },                      /* quote: asks the role */
  { "win.set-kind", XINZHI_CORPUS_EDIT_SET_KIND },                      /* (quote, "direct" or "paraphrase") */
  { "win.add-quote", XINZHI_CORPUS_EDIT_ADD_QUOTE },                    /* (article, where the words are) */
  { "win.accept-event", XINZHI_CORPUS_EDIT_ACCEPT_EVENT },              /* an event's id */
  { "win.reject-event", XINZHI_CORPUS_EDIT_REJECT_EVENT },
  { "win.add-event", XINZHI_CORPUS_EDIT_ADD_EVENT },                    /* (article, where the sentence is) */
  { "win.accept-article-events", XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS }, /* an event: every candidate of its article */
  { "win.set-event-title", XINZHI_CORPUS_EDIT_SET_EVENT_TITLE },        /* an event: asks the title */
  { "win.add-term", XINZHI_CORPUS_EDIT_ADD_TERM },                      /* (article, where the words are) */
  { "win.remove-term", XINZHI_CORPUS_EDIT_REMOVE_TERM },                /* (sector, term) */
  { "win.remove-role", XINZHI_CORPUS_EDIT_REMOVE_ROLE },                /* (person, position) */
  { "win.merge-person", XINZHI_CORPUS_EDIT_MERGE_PEOPLE },              /* a person: asks whom into */
  { "win.set-article-title", XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE },   /* an article: asks the title */
  { "win.set-article-outlet", XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET }, /* an article: asks the outlet */
  { "win.set-article-date", XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE },     /* an article: asks the date */
};

/* Whether @kind edits an event, not a quote. */
static gboolean
edits_event (XinzhiCorpusEditKind kind)
{
  return kind == XINZHI_CORPUS_EDIT_ACCEPT_EVENT || kind == XINZHI_CORPUS_EDIT_REJECT_EVENT ||
         kind == XINZHI_CORPUS_EDIT_ADD_EVENT || kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS ||
         kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE || kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH;
}

/* What an edit of @kind is shown at afterwards: the quote, event, person or sector it
 * names. */
static GType
shown_type (XinzhiCorpusEditKind kind)
{
  if (kind == XINZHI_CORPUS_EDIT_MERGE_PEOPLE || kind == XINZHI_CORPUS_EDIT_REMOVE_ROLE)
    return XINZHI_TYPE_PERSON;
  if (kind == XINZHI_CORPUS_EDIT_REMOVE_TERM)
    return XINZHI_TYPE_SECTOR;
  return edits_event (kind) ? XINZHI_TYPE_EVENT : XINZHI_TYPE_QUOTE;
}

/* Whether @kind edits an article's own words (its title, its outlet). */
static gboolean
edits_article (XinzhiCorpusEditKind kind)
{
  return kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE || kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET ||
         kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE;
}

/* Whether an edit of @kind adds what it is done to. */
static gboolean
adds_item (XinzhiCorpusEditKind kind)
{
  return kind == XINZHI_CORPUS_EDIT_ADD_QUOTE || kind == XINZHI_CORPUS_EDIT_ADD_EVENT;
}

/* Whether the item an edit of @kind was done from is gone after it. */
static gboolean
removes_item (XinzhiCorpusEditKind kind)
{
  return kind == XINZHI_CORPUS_EDIT_REJECT_QUOTE || kind == XINZHI_CORPUS_EDIT_REJECT_EVENT;
}

/* One edit done: what it did, from which quote, and what the file held before and
 * after. */
typedef struct _EditStep
{
  XinzhiCorpusEditKind  kind;
  char                 *id;       /* the quote it was done from, or added */
  GFile                *file;
  GBytes               *before;
  GBytes               *after;
} EditStep;

static void
edit_step_free (EditStep *step)
{
  g_free (step->id);
  g_clear_object (&step->file);
  g_clear_pointer (&step->before, g_bytes_unref);
  g_clear_pointer (&step->after, g_bytes_unref);
  g_free (step);
}

/* What is under way: an edit, or an undo or redo of @step. */
typedef struct
{
  GWeakRef              window;
  GFile                *file;
  XinzhiCorpusEditKind  kind;
  char                 *id;      /* (nullable): the quote, or NULL for one being added */
  EditStep             *step;    /* (nullable): the step being undone or redone */
  gboolean              undoing;
} Running;

static void
running_free (Running *running)
{
  g_weak_ref_clear (&running->window);
  g_object_unref (running->file);
  g_free (running->id);
  g_free (running);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Running, running_free)

static void
update_menu (XinzhiWindow *self)
{
  EditStep *undo = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  EditStep *redo = self->redo->len > 0 ? g_ptr_array_index (self->redo, self->redo->len - 1) : NULL;
  g_autoptr(GMenuItem) undo_item =
    g_menu_item_new (undo != NULL ? _(edit_words[undo->kind].undo_label) : _("_Undo"), "win.undo");
  g_autoptr(GMenuItem) redo_item =
    g_menu_item_new (redo != NULL ? _(edit_words[redo->kind].redo_label) : _("_Redo"), "win.redo");

  g_menu_item_set_attribute (undo_item, "accel", "s", "<Control>z");
  g_menu_item_set_attribute (redo_item, "accel", "s", "<Control><Shift>z");
  g_menu_remove_all (self->edit_section);
  g_menu_append_item (self->edit_section, undo_item);
  g_menu_append_item (self->edit_section, redo_item);
}

/**
 * _xinzhi_window_update_edit_actions:
 *
 * Enables what can be done now: an edit needs a corpus file and no edit or load under
 * way; undo and redo need a step too.
 */
void
_xinzhi_window_update_edit_actions (XinzhiWindow *self)
{
  gboolean idle;
  gboolean editable;

  /* Nothing to update once the window is going. */
  if (self->undo == NULL)
    return;
  idle = !self->editing && self->load == NULL;
  editable = idle && self->corpus_file != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    /* Adding to the built-in corpus offers a copy to add to. */
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i].action,
                                   edit_actions[i].kind == XINZHI_CORPUS_EDIT_ADD_QUOTE ||
                                   edit_actions[i].kind == XINZHI_CORPUS_EDIT_ADD_TERM ? idle : editable);
  /* The reader and the event details offer corrections in a corpus a person owns. */
  if (self->views[VIEW_ARTICLES] != NULL)
    xinzhi_reader_set_editable (xinzhi_articles_page_get_reader (XINZHI_ARTICLES_PAGE (self->views[VIEW_ARTICLES])),
                                self->corpus_file != NULL);
  if (self->views[VIEW_TIMELINE] != NULL)
    xinzhi_timeline_page_set_editable (XINZHI_TIMELINE_PAGE (self->views[VIEW_TIMELINE]), self->corpus_file != NULL);
  if (self->views[VIEW_SECTORS] != NULL)
    xinzhi_sectors_page_set_editable (XINZHI_SECTORS_PAGE (self->views[VIEW_SECTORS]), self->corpus_file != NULL);
  if (self->views[VIEW_QUOTES] != NULL)
    xinzhi_quotes_page_set_editable (XINZHI_QUOTES_PAGE (self->views[VIEW_QUOTES]), self->corpus_file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", editable && self->undo->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", editable && self->redo->len > 0);
  update_menu (self);
}

void
_xinzhi_window_edit_init (XinzhiWindow *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_step_free);
  _xinzhi_window_update_edit_actions (self);
}

void
_xinzhi_window_edit_dispose (XinzhiWindow *self)
{
  g_clear_handle_id (&self->edit_show_id, g_source_remove);
  g_clear_handle_id (&self->edit_pulse_id, g_source_remove);
  g_clear_pointer (&self->load_button_label, g_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
}

/* The steps were edits of the file shown before; another is shown now, or the same
 * one as it is on disk. */
void
_xinzhi_window_forget_edits (XinzhiWindow *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  _xinzhi_window_update_edit_actions (self);
}

/* A long edit (a large corpus) shows the banner the loads show, without Cancel: an edit
 * is not stopped halfway. */
#define SAVING_SHOW_DELAY_MS 200

static gboolean
pulse_cb (gpointer user_data)
{
  XinzhiWindow *self = user_data;

  gtk_progress_bar_pulse (self->load_progress);
  return G_SOURCE_CONTINUE;
}

static gboolean
show_saving_cb (gpointer user_data)
{
  XinzhiWindow *self = user_data;
  g_autofree char *name = g_file_get_basename (self->corpus_file);
  /* Translators: %s is the name of the corpus file an edit is written to */
  g_autofree char *title = g_strdup_printf (_("Saving “%s”…"), name);

  self->edit_show_id = 0;
  if (self->load != NULL)
    return G_SOURCE_REMOVE;
  self->load_button_label = g_strdup (adw_banner_get_button_label (self->load_banner));
  adw_banner_set_button_label (self->load_banner, NULL);
  adw_banner_set_title (self->load_banner, title);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  self->edit_pulse_id = g_timeout_add (100, pulse_cb, self);
  adw_banner_set_revealed (self->load_banner, TRUE);
  return G_SOURCE_REMOVE;
}

static void
end_saving (XinzhiWindow *self)
{
  g_clear_handle_id (&self->edit_show_id, g_source_remove);
  g_clear_handle_id (&self->edit_pulse_id, g_source_remove);
  if (self->load_button_label == NULL)
    return;
  adw_banner_set_button_label (self->load_banner, self->load_button_label);
  g_clear_pointer (&self->load_button_label, g_free);
  if (self->load == NULL)
    adw_banner_set_revealed (self->load_banner, FALSE);
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Running) running = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&running->window);
  const EditWords *words = &edit_words[running->kind];
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  const char *show = NULL;

  after = xinzhi_corpus_edit_file_finish (result, &before, &corpus, &error);
  /* A window closed meanwhile has nothing to show. */
  if (self == NULL || self->undo == NULL)
    return;
  self->editing = FALSE;
  end_saving (self);
  if (after == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* The message names the file and says why nothing was written. */
        xinzhi_dialogs_show_error (GTK_WIDGET (self), _(words->failed), error);
      _xinzhi_window_update_edit_actions (self);
      return;
    }

  /* Another corpus is shown now: the steps were forgotten, and the file written is not
   * the one on screen. */
  if (self->corpus_file == NULL || !g_file_equal (self->corpus_file, running->file))
    {
      _xinzhi_window_update_edit_actions (self);
      return;
    }

  if (adds_item (running->kind) && running->step == NULL)
    running->id = g_strdup (xinzhi_corpus_edit_file_get_added_id (result));

  if (running->step == NULL)
    {
      EditStep *step = g_new0 (EditStep, 1);

      step->kind = running->kind;
      step->id = g_strdup (running->id);
      step->file = g_object_ref (running->file);
      step->before = g_steal_pointer (&before);
      step->after = g_bytes_ref (after);
      g_ptr_array_add (self->undo, step);
      g_ptr_array_set_size (self->redo, 0);
      /* An accepted quote or event is still there to look at; a rejected one is not. */
      if (!removes_item (running->kind))
        show = running->id;
    }
  else
    {
      GPtrArray *from = running->undoing ? self->undo : self->redo;
      GPtrArray *to = running->undoing ? self->redo : self->undo;

      if (from->len > 0 && g_ptr_array_index (from, from->len - 1) == running->step)
        g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
      /* Undone, the quote is back as it was (or gone, if the edit added it); redone,
       * it is shown as the edit leaves it. */
      if (running->undoing ? !adds_item (running->kind) : !removes_item (running->kind))
        show = running->id;
    }

  /* The corpus as the edit loaded it to check it: the file is not read again. */
  _xinzhi_window_show_edited (self, corpus, running->undoing ? _(words->undone) : _(words->done),
                              shown_type (running->kind), show,
                              running->step == NULL);
}

static Running *
running_new (XinzhiWindow         *self,
             XinzhiCorpusEditKind  kind,
             const char           *id)
{
  Running *running = g_new0 (Running, 1);

  g_weak_ref_init (&running->window, self);
  running->file = g_object_ref (self->corpus_file);
  running->kind = kind;
  running->id = g_strdup (id);
  self->editing = TRUE;
  self->edit_show_id = g_timeout_add (SAVING_SHOW_DELAY_MS, show_saving_cb, self);
  _xinzhi_window_update_edit_actions (self);
  return running;
}

/* Edits the quote @id (with @value, for the kinds that take one), or its article's
 * quotes, or the event @id, or its article's candidate events. */
static void
edit_quote (XinzhiWindow         *self,
            XinzhiCorpusEditKind  kind,
            const char           *id,
            const char           *value)
{
  XinzhiQuote *quote;
  const char *target = id;

  if (self->corpus_file == NULL || self->editing || self->load != NULL)
    return;
  /* A term is added to the sector @id, or the article @id corrected: nothing is to be
   * shown but the article.  The person @id is merged into the person @value, who is
   * shown; the sector @id whose term @value is removed, and the person @id whose role
   * at @value is, stay shown. */
  if (kind == XINZHI_CORPUS_EDIT_ADD_TERM || kind == XINZHI_CORPUS_EDIT_REMOVE_TERM ||
      kind == XINZHI_CORPUS_EDIT_REMOVE_ROLE || kind == XINZHI_CORPUS_EDIT_MERGE_PEOPLE ||
      edits_article (kind))
    {
      const char *shown = NULL;

      if (kind == XINZHI_CORPUS_EDIT_MERGE_PEOPLE)
        shown = value;
      else if (shown_type (kind) != XINZHI_TYPE_QUOTE)
        shown = id;
      xinzhi_corpus_edit_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                     kind, id, value, self->cancellable, edited_cb,
                                     running_new (self, kind, shown));
      return;
    }
  if (edits_event (kind))
    {
      XinzhiEvent *event = xinzhi_corpus_lookup_event (self->corpus, id);

      if (event == NULL)
        {
          g_warning ("%s: no event “%s” in the corpus shown", G_STRFUNC, id);
          return;
        }
      /* Candidate events are read from their first source. */
      if (kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS)
        target = xinzhi_document_get_id (xinzhi_event_get_source (event, 0, NULL));
      xinzhi_corpus_edit_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                     kind, target, value, self->cancellable, edited_cb,
                                     running_new (self, kind, id));
      return;
    }
  quote = xinzhi_corpus_lookup_quote (self->corpus, id);
  if (quote == NULL)
    {
      g_warning ("%s: no quote “%s” in the corpus shown", G_STRFUNC, id);
      return;
    }
  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT)
    target = xinzhi_document_get_id (xinzhi_quote_get_document (quote));

  xinzhi_corpus_edit_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                 kind, target, value, self->cancellable, edited_cb,
                                 running_new (self, kind, id));
}

/* ---- Asking before an edit ------------------------------------------------------------
 *
 * A dialog that asks what an edit needs (who spoke the words, a new speaker's name, a
 * role) keeps what it was asked for, for the window, which may be gone by the answer. */

typedef struct
{
  GWeakRef              window;
  GFile                *file;   /* (nullable): the corpus file shown when it was asked */
  char                 *id;     /* (nullable): the quote it was asked for */
  XinzhiCorpusEditKind  kind;   /* the edit it was asked for */
  XinzhiDocument       *document; /* (nullable): the article the answer must be words of */
  char                 *title;  /* (nullable): the title the answer must differ from */
  char                 *term;   /* (nullable): the words to add to a sector's terms */
} Asking;

static Asking *
asking_new (XinzhiWindow *self,
            const char   *id)
{
  Asking *asking = g_new0 (Asking, 1);

  g_weak_ref_init (&asking->window, self);
  asking->file = self->corpus_file != NULL ? g_object_ref (self->corpus_file) : NULL;
  asking->id = g_strdup (id);
  return asking;
}

static void
asking_free (gpointer  data,
             GClosure *closure)
{
  Asking *asking = data;

  g_weak_ref_clear (&asking->window);
  g_clear_object (&asking->file);
  g_clear_object (&asking->document);
  g_free (asking->id);
  g_free (asking->title);
  g_free (asking->term);
  g_free (asking);
}

/* ---- Adding a quote or an event ------------------------------------------------------ */

/* The window @adding was asked for, if it still shows the corpus the words were
 * selected in and is free to edit it; otherwise %NULL, having said so (@again: what
 * to do). */
static XinzhiWindow *
window_for_adding (Asking               *adding,
                   XinzhiCorpusEditKind  kind,
                   const char           *again)
{
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&adding->window);

  if (self == NULL || self->undo == NULL || self->corpus_file == NULL ||
      !g_file_equal (self->corpus_file, adding->file) || self->editing || self->load != NULL)
    {
      if (self != NULL)
        {
          g_autofree char *body = g_strconcat (_("Another corpus is shown now, or a change is being saved."),
                                               " ", again, NULL);

          xinzhi_dialogs_show_alert (GTK_WIDGET (self), _(edit_words[kind].failed), body);
        }
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
add_quote_dialog_add_cb (XinzhiAddQuoteDialog *dialog,
                         Asking               *adding)
{
  g_autoptr(XinzhiWindow) self = window_for_adding (adding, XINZHI_CORPUS_EDIT_ADD_QUOTE,
                                                    _("Select the words again to add them."));
  XinzhiQuoteDraft draft;

  if (self == NULL)
    return;
  xinzhi_add_quote_dialog_get_draft (dialog, &draft);
  xinzhi_corpus_add_quote_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                      &draft, self->cancellable, edited_cb,
                                      running_new (self, XINZHI_CORPUS_EDIT_ADD_QUOTE, NULL));
}

static void
save_copy_response_cb (AdwAlertDialog *alert,
                       GAsyncResult   *result,
                       XinzhiWindow   *self)
{
  if (g_str_equal (adw_alert_dialog_choose_finish (alert, result), "copy"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-copy", NULL);
  g_object_unref (self);
}

/* The built-in corpus cannot change: say so, and offer the copy a person owns. */
static void
offer_copy (XinzhiWindow *self)
{
  AdwDialog *alert = adw_alert_dialog_new (_("Read-Only Corpus"),
                                           _("The built-in corpus does not change. Quotes and "
                                             "events are added to a corpus you own: save a copy "
                                             "of this one, then select the words in the copy."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "copy", _("_Save a Copy…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "copy", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "copy");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) save_copy_response_cb, g_object_ref (self));
}

/* The article @id, where a selection from paragraph @first to paragraph @last is to
 * become what @kind adds; %NULL, having said why, when it cannot: the built-in corpus
 * (a copy is offered), another edit under way, a selection across paragraphs (@one:
 * why it must be one). */
static XinzhiDocument *
document_for_adding (XinzhiWindow         *self,
                     XinzhiCorpusEditKind  kind,
                     const char           *id,
                     guint                 first,
                     guint                 last,
                     const char           *one)
{
  XinzhiDocument *document;

  if (self->editing || self->load != NULL)
    return NULL;
  if (self->corpus_file == NULL)
    {
      offer_copy (self);
      return NULL;
    }
  document = xinzhi_corpus_lookup_document (self->corpus, id);
  if (document == NULL || first >= xinzhi_document_get_n_paragraphs (document))
    {
      g_warning ("%s: no article “%s” with paragraph %u in the corpus shown", G_STRFUNC, id, first);
      return NULL;
    }
  if (last != first)
    {
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), _(edit_words[kind].failed), one);
      return NULL;
    }
  return document;
}

/* win.add-quote: the words from (@first, @first_byte) to (@last, @last_byte) of the
 * article @id. */
static void
add_quote (XinzhiWindow *self,
           const char   *id,
           guint         first,
           guint         first_byte,
           guint         last,
           guint         last_byte)
{
  const char *failed = _(edit_words[XINZHI_CORPUS_EDIT_ADD_QUOTE].failed);
  XinzhiDocument *document;
  g_autofree char *words = NULL;
  gboolean marked = FALSE;
  AdwDialog *dialog;

  document = document_for_adding (self, XINZHI_CORPUS_EDIT_ADD_QUOTE, id, first, last,
                                  _("A quote is words of one paragraph. Select words within one "
                                    "paragraph of the article."));
  if (document == NULL)
    return;
  words = xinzhi_corpus_edit_quote_words (xinzhi_document_get_paragraph (document, first)->text,
                                          first_byte, last_byte, &marked);
  if (words == NULL)
    {
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), failed,
                                 _("A quote needs at least two letters or digits. Select the "
                                   "words that were said."));
      return;
    }

  dialog = xinzhi_add_quote_dialog_new (document, words, marked);
  g_signal_connect_data (dialog, "add", G_CALLBACK (add_quote_dialog_add_cb), asking_new (self, NULL),
                         asking_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ---- Adding an event ------------------------------------------------------------------ */

static void
add_event_dialog_add_cb (XinzhiAddEventDialog *dialog,
                         Asking               *adding)
{
  g_autoptr(XinzhiWindow) self = window_for_adding (adding, XINZHI_CORPUS_EDIT_ADD_EVENT,
                                                    _("Select the sentence again to add it."));
  XinzhiEventDraft draft;

  if (self == NULL)
    return;

  xinzhi_add_event_dialog_get_draft (dialog, &draft);
  xinzhi_corpus_add_event_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                      &draft, self->cancellable, edited_cb,
                                      running_new (self, XINZHI_CORPUS_EDIT_ADD_EVENT, NULL));
}

/* win.add-event: the sentence from (@first, @first_byte) to (@last, @last_byte) of the
 * article @id, dated as the extractor dates its candidates. */
static void
add_event (XinzhiWindow *self,
           const char   *id,
           guint         first,
           guint         first_byte,
           guint         last,
           guint         last_byte)
{
  const char *failed = _(edit_words[XINZHI_CORPUS_EDIT_ADD_EVENT].failed);
  XinzhiDocument *document;
  const char *text;
  gsize length, from, to;
  g_autofree char *sentence = NULL;
  g_autofree char *words = NULL;
  g_autofree char *note = NULL;
  XinzhiDate date;
  AdwDialog *dialog;

  document = document_for_adding (self, XINZHI_CORPUS_EDIT_ADD_EVENT, id, first, last,
                                  _("An event is read from one paragraph, its source. Select a "
                                    "sentence within one paragraph of the article."));
  if (document == NULL)
    return;
  text = xinzhi_document_get_paragraph (document, first)->text;
  length = strlen (text);
  from = MIN (first_byte, length);
  to = MIN (MAX (last_byte, from), length);
  sentence = g_strstrip (g_strndup (text + from, to - from));
  if (!xinzhi_extract_date_sentence (sentence, xinzhi_document_get_date (document),
                                     !xinzhi_document_get_date_estimated (document), &date, &words, &note))
    {
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), failed,
                                 _("The selection names no date that can be read. Select a sentence "
                                   "that says when, such as “on March 5, 2024” or “in September”."));
      return;
    }

  /* Words that name no year state the date all the same where the loader reads them
   * so: the article's date is known and gives that year (the extractor's candidates
   * stay estimates, for a person to look at). */
  if (note != NULL && !xinzhi_document_get_date_estimated (document) &&
      date.year == xinzhi_date_year_without_year (&date, xinzhi_document_get_date (document)))
    g_clear_pointer (&note, g_free);

  dialog = xinzhi_add_event_dialog_new (document, first, sentence, &date,
                                        note == NULL ? words : NULL, note);
  g_signal_connect_data (dialog, "add", G_CALLBACK (add_event_dialog_add_cb), asking_new (self, NULL),
                         asking_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ---- Adding a term to a sector -------------------------------------------------------- */

/* An alert that asks for one of @names in a combo row titled @title, with Cancel and
 * @button; the row is the alert's data "row". */
static AdwDialog *
choice_alert_new (const char    *heading,
                  const char    *body,
                  const char    *title,
                  GtkStringList *names,
                  const char    *button)
{
  AdwDialog *alert = adw_alert_dialog_new (heading, body);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_enable_search (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), list);
  g_object_set_data (G_OBJECT (alert), "row", row);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "do", button,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "do", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "do");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  return alert;
}

/* The sector chosen in @row of @alert, or %NULL. */
static XinzhiSector *
chosen_sector (XinzhiWindow *self,
               AdwComboRow  *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_list_model_get_item (xinzhi_corpus_get_sectors (self->corpus), position);
}

/* A sector can be chosen once it does not have the term already. */
static void
term_sector_notify_selected_cb (AdwComboRow *row,
                                GParamSpec  *pspec,
                                Asking      *adding)
{
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&adding->window);
  GtkWidget *alert = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_ALERT_DIALOG);
  g_autoptr(XinzhiSector) sector = self != NULL ? chosen_sector (self, row) : NULL;
  gboolean has = FALSE;

  for (const char * const *term = sector != NULL ? xinzhi_sector_get_terms (sector) : NULL;
       term != NULL && *term != NULL; term++)
    has = has || g_ascii_strcasecmp (*term, adding->term) == 0;
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (alert), "do", sector != NULL && !has);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), has ? _("The sector has this term already") : "");
}

static void
add_term_response_cb (AdwAlertDialog *alert,
                      const char     *response,
                      Asking         *adding)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (alert), "row");
  g_autoptr(XinzhiWindow) self = NULL;
  g_autoptr(XinzhiSector) sector = NULL;

  if (!g_str_equal (response, "do"))
    return;
  self = window_for_adding (adding, XINZHI_CORPUS_EDIT_ADD_TERM, _("Select the words again to add them."));
  if (self == NULL || (sector = chosen_sector (self, row)) == NULL)
    return;
  edit_quote (self, XINZHI_CORPUS_EDIT_ADD_TERM, xinzhi_sector_get_id (sector), adding->term);
}

/* win.add-term: the words from (@first, @first_byte) to (@last, @last_byte) of the
 * article @id, as a term of the sector the person chooses. */
static void
add_term (XinzhiWindow *self,
          const char   *id,
          guint         first,
          guint         first_byte,
          guint         last,
          guint         last_byte)
{
  const char *failed = _(edit_words[XINZHI_CORPUS_EDIT_ADD_TERM].failed);
  GListModel *sectors;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *term = NULL;
  g_autofree char *body = NULL;
  XinzhiDocument *document;
  GtkWidget *row;
  AdwDialog *alert;
  Asking *adding;

  document = document_for_adding (self, XINZHI_CORPUS_EDIT_ADD_TERM, id, first, last,
                                  _("A term is words of one paragraph. Select words within one "
                                    "paragraph of the article."));
  if (document == NULL)
    return;
  term = xinzhi_corpus_edit_term_words (xinzhi_document_get_paragraph (document, first)->text,
                                        first_byte, last_byte, &error);
  if (term == NULL)
    {
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), failed, error->message);
      return;
    }

  sectors = xinzhi_corpus_get_sectors (self->corpus);
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);

      gtk_string_list_append (names, xinzhi_sector_get_display_name (sector));
    }

  /* Translators: %s is words of an article, which become a sector's term */
  body = g_strdup_printf (_("“%s” will mark a mention of the sector wherever an article of the "
                            "corpus names it, ASCII case aside, as whole words."), term);
  alert = choice_alert_new (_("Add Term to Sector"), body, _("_Sector"), names, _("_Add Term"));
  row = g_object_get_data (G_OBJECT (alert), "row");

  adding = asking_new (self, NULL);
  adding->kind = XINZHI_CORPUS_EDIT_ADD_TERM;
  adding->term = g_steal_pointer (&term);
  g_signal_connect (row, "notify::selected", G_CALLBACK (term_sector_notify_selected_cb), adding);
  g_signal_connect_data (alert, "response", G_CALLBACK (add_term_response_cb), adding, asking_free, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
  term_sector_notify_selected_cb (ADW_COMBO_ROW (row), NULL, adding);
  gtk_widget_grab_focus (row);
}

/* ---- Correcting an article's date ----------------------------------------------------- */

/* The rows of the date dialog, kept on the alert. */
typedef struct
{
  AdwEntryRow  *date_row;
  AdwEntryRow  *words_row;
  AdwSwitchRow *estimate_row;
  AdwEntryRow  *note_row;
} DateRows;

/* What the rows say, as a draft, or FALSE when it is not one yet: a date, and either
 * words that state it or the reason it is an estimate.  The strings are the rows'. */
static gboolean
get_date_draft (DateRows        *rows,
                XinzhiDateDraft *draft)
{
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rows->date_row))));
  gboolean estimate = adw_switch_row_get_active (rows->estimate_row);
  g_autofree char *given = NULL;

  *draft = (XinzhiDateDraft) { { 0 }, NULL, NULL };
  if (!xinzhi_date_parse (date, &draft->date))
    return FALSE;
  if (estimate)
    draft->note = gtk_editable_get_text (GTK_EDITABLE (rows->note_row));
  else
    draft->words = gtk_editable_get_text (GTK_EDITABLE (rows->words_row));
  given = g_strstrip (g_strdup (estimate ? draft->note : draft->words));
  return *given != '\0';
}

static void
date_rows_changed_cb (GtkWidget *row,
                      GParamSpec *pspec,
                      DateRows  *rows)
{
  GtkWidget *alert = gtk_widget_get_ancestor (GTK_WIDGET (rows->date_row), ADW_TYPE_ALERT_DIALOG);
  gboolean estimate = adw_switch_row_get_active (rows->estimate_row);
  XinzhiDateDraft draft;

  gtk_widget_set_visible (GTK_WIDGET (rows->words_row), !estimate);
  gtk_widget_set_visible (GTK_WIDGET (rows->note_row), estimate);
  if (alert != NULL)
    adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (alert), "do", get_date_draft (rows, &draft));
}

static void
date_response_cb (AdwAlertDialog *alert,
                  const char     *response,
                  Asking         *asking)
{
  DateRows *rows = g_object_get_data (G_OBJECT (alert), "rows");
  g_autoptr(XinzhiWindow) self = NULL;
  XinzhiDateDraft draft;

  if (!g_str_equal (response, "do") || !get_date_draft (rows, &draft))
    return;
  self = window_for_adding (asking, XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE, _("Open the article again to correct it."));
  if (self == NULL || xinzhi_corpus_lookup_document (self->corpus, asking->id) == NULL)
    return;
  xinzhi_corpus_set_document_date_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                              asking->id, &draft, self->cancellable, edited_cb,
                                              running_new (self, XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE, NULL));
}

/* win.set-article-date: asks the article @id's date, and the words of it that state the
 * date or why it is an estimate. */
static void
ask_date (XinzhiWindow *self,
          const char   *id)
{
  XinzhiDocument *document;
  g_autofree char *iso = NULL;
  DateRows *rows;
  GtkWidget *list;
  AdwDialog *alert;
  Asking *asking;

  if (self->corpus_file == NULL || self->editing || self->load != NULL ||
      (document = xinzhi_corpus_lookup_document (self->corpus, id)) == NULL)
    return;

  alert = adw_alert_dialog_new (_("Article Date"),
                                _("The date the article was published, as precise as the article "
                                  "states it: a year (2024), a month (2024-03) or a day "
                                  "(2024-03-07), with the words of the article that state it, or "
                                  "why it is an estimate."));
  rows = g_new0 (DateRows, 1);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  rows->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->date_row), _("_Date"));
  rows->words_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->words_row), _("_Stated By"));
  rows->estimate_row = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->estimate_row), _("_Estimate"));
  rows->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row), _("_Reason"));
  {
    GtkWidget *each[] = { GTK_WIDGET (rows->date_row), GTK_WIDGET (rows->words_row),
                          GTK_WIDGET (rows->estimate_row), GTK_WIDGET (rows->note_row) };

    for (guint i = 0; i < G_N_ELEMENTS (each); i++)
      {
        adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (each[i]), TRUE);
        gtk_list_box_append (GTK_LIST_BOX (list), each[i]);
      }
  }

  /* What the article has now; the words that stated it are not kept by the model. */
  iso = xinzhi_date_to_iso (xinzhi_document_get_date (document));
  gtk_editable_set_text (GTK_EDITABLE (rows->date_row), iso);
  adw_switch_row_set_active (rows->estimate_row, xinzhi_document_get_date_estimated (document));
  if (xinzhi_document_get_date_note (document) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (rows->note_row), xinzhi_document_get_date_note (document));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), list);
  g_object_set_data_full (G_OBJECT (alert), "rows", rows, g_free);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "do", _("_Change Date"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "do", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "do");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");

  asking = asking_new (self, id);
  asking->kind = XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE;
  g_signal_connect (rows->date_row, "notify::text", G_CALLBACK (date_rows_changed_cb), rows);
  g_signal_connect (rows->words_row, "notify::text", G_CALLBACK (date_rows_changed_cb), rows);
  g_signal_connect (rows->note_row, "notify::text", G_CALLBACK (date_rows_changed_cb), rows);
  g_signal_connect (rows->estimate_row, "notify::active", G_CALLBACK (date_rows_changed_cb), rows);
  g_signal_connect_data (alert, "response", G_CALLBACK (date_response_cb), asking, asking_free, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
  date_rows_changed_cb (NULL, NULL, rows);
  gtk_widget_grab_focus (GTK_WIDGET (rows->date_row));
}

/* ---- Merging two people --------------------------------------------------------------- */

static void
merge_response_cb (AdwAlertDialog *alert,
                   const char     *response,
                   Asking         *asking)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (alert), "row");
  GPtrArray *others = g_object_get_data (G_OBJECT (alert), "others");
  g_autoptr(XinzhiWindow) self = NULL;
  guint position = adw_combo_row_get_selected (row);

  if (!g_str_equal (response, "do") || position >= others->len)
    return;
  self = window_for_adding (asking, XINZHI_CORPUS_EDIT_MERGE_PEOPLE, _("Open the person again to merge."));
  if (self == NULL || xinzhi_corpus_lookup_person (self->corpus, asking->id) == NULL)
    return;
  edit_quote (self, XINZHI_CORPUS_EDIT_MERGE_PEOPLE, asking->id, g_ptr_array_index (others, position));
}

/* win.merge-person: asks which person the person @id is, and makes the two one. */
static void
ask_merge (XinzhiWindow *self,
           const char   *id)
{
  GListModel *people;
  XinzhiPerson *person;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  GtkWidget *row;
  AdwDialog *alert;
  Asking *asking;

  if (self->corpus_file == NULL || self->editing || self->load != NULL ||
      (person = xinzhi_corpus_lookup_person (self->corpus, id)) == NULL)
    {
      g_ptr_array_unref (others);
      return;
    }

  people = xinzhi_corpus_get_people (self->corpus);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) other = g_list_model_get_item (people, i);

      if (other == person)
        continue;
      gtk_string_list_append (names, xinzhi_person_get_display_name (other));
      g_ptr_array_add (others, g_strdup (xinzhi_person_get_id (other)));
    }
  if (others->len == 0)
    {
      g_ptr_array_unref (others);
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), _(edit_words[XINZHI_CORPUS_EDIT_MERGE_PEOPLE].failed),
                                 _("The corpus has no other person."));
      return;
    }

  /* Translators: %s is a person's name, as the corpus gives it */
  body = g_strdup_printf (_("Say who “%s” is: their quotes, roles and events become that "
                            "person’s, and “%s” becomes one of that person’s spellings."),
                          xinzhi_person_get_display_name (person), xinzhi_person_get_display_name (person));
  alert = choice_alert_new (_("Merge People"), body, _("_Same Person As"), names, _("_Merge"));
  row = g_object_get_data (G_OBJECT (alert), "row");
  g_object_set_data_full (G_OBJECT (alert), "others", others, (GDestroyNotify) g_ptr_array_unref);

  asking = asking_new (self, id);
  asking->kind = XINZHI_CORPUS_EDIT_MERGE_PEOPLE;
  g_signal_connect_data (alert, "response", G_CALLBACK (merge_response_cb), asking, asking_free, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
  gtk_widget_grab_focus (row);
}

/* ---- Words asked for: a new speaker's name, a role ------------------------------------ */

typedef struct
{
  const char *heading;
  const char *body;
  const char *label;       /* the entry's accessible name */
  const char *button;
  gboolean    in_article;  /* the words must be in the quote's article */
} AskWords;

static const AskWords ask_words[] = {
  [XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER] = {
    N_("New Speaker"),
    N_("The name of the person who spoke these words, as the corpus is to show it."),
    N_("Name"), N_("_Set Speaker"), FALSE,
  },
  [XINZHI_CORPUS_EDIT_ADD_ROLE] = {
    N_("Add Role"),
    N_("Words of the article that say who the speaker is, such as their post or where "
       "they work, copied as they stand."),
    N_("Role"), N_("_Add Role"), TRUE,
  },
  [XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE] = {
    N_("Article Title"),
    N_("The article’s headline, as the article gives it, where the extractor read it wrong."),
    N_("Title"), N_("_Change Title"), FALSE,
  },
  [XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET] = {
    N_("Outlet"),
    N_("The outlet that published the article, as the article names it."),
    N_("Outlet"), N_("_Change Outlet"), FALSE,
  },
  [XINZHI_CORPUS_EDIT_SET_EVENT_TITLE] = {
    N_("Event Title"),
    N_("A short title for the event, in your own words, that says no more than its "
       "sources. The summary stays the article’s words."),
    N_("Title"), N_("_Change Title"), FALSE,
  },
  [XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH] = {
    N_("Event Title"),
    N_("A short title for the event, in your own words, that says no more than its "
       "sources. The summary stays the article’s words."),
    N_("Title"), N_("_Change Title"), FALSE,
  },
};

/* The answer can be given once it is words, and words of the article when it must be.
 * @asking belongs to the alert, which holds the entry. */
static void
asked_words_changed_cb (GtkEditable *entry,
                        Asking      *asking)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *alert = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_ALERT_DIALOG);
  gboolean same = FALSE;

  /* A title is changed to another. */
  if (asking->title != NULL)
    same = g_str_equal (words, asking->title);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (alert), "do",
                                         *words != '\0' && !same &&
                                         (asking->document == NULL || xinzhi_document_has_words (asking->document, words)));
}

static void
asked_words_response_cb (AdwAlertDialog *alert,
                         const char     *response,
                         Asking         *asking)
{
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&asking->window);
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (alert));

  if (self == NULL || self->undo == NULL || !g_str_equal (response, "do"))
    return;
  /* The window still shows the corpus the quote or event is in, and is free. */
  if (self->corpus_file == NULL || !g_file_equal (self->corpus_file, asking->file) ||
      (edits_event (asking->kind) ? xinzhi_corpus_lookup_event (self->corpus, asking->id) == NULL :
       edits_article (asking->kind) ? xinzhi_corpus_lookup_document (self->corpus, asking->id) == NULL
                                    : xinzhi_corpus_lookup_quote (self->corpus, asking->id) == NULL) ||
      self->editing || self->load != NULL)
    {
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), _(edit_words[asking->kind].failed),
                                 _("Another corpus is shown now, or a change is being saved, "
                                   "so nothing was changed."));
      return;
    }
  edit_quote (self, asking->kind, asking->id, gtk_editable_get_text (entry));
}

/* win.set-new-speaker and win.add-role: asks the words the edit @kind of the quote @id
 * needs; win.set-event-title: the event @id's new title, the one shown to begin with. */
static void
ask_words_for (XinzhiWindow         *self,
               XinzhiCorpusEditKind  kind,
               const char           *id)
{
  const AskWords *words;
  XinzhiQuote *quote = NULL;
  XinzhiEvent *event = NULL;
  const char *shown = NULL;   /* what the answer corrects, shown to begin with */
  Asking *asking;
  AdwDialog *alert;
  GtkWidget *entry;

  if (self->corpus_file == NULL || self->editing || self->load != NULL)
    return;
  if (edits_article (kind))
    {
      XinzhiDocument *document = xinzhi_corpus_lookup_document (self->corpus, id);

      if (document == NULL)
        return;
      shown = kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE ? xinzhi_document_get_title (document)
                                                          : xinzhi_document_get_outlet (document);
      shown = shown != NULL ? shown : "";
    }
  else if (kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE)
    {
      if ((event = xinzhi_corpus_lookup_event (self->corpus, id)) == NULL)
        return;
      /* The title a person sees is the one they correct: the Chinese one, where the
       * interface shows it first. */
      if (xinzhi_event_get_title_zh (event) != NULL &&
          xinzhi_event_get_display_title (event) == xinzhi_event_get_title_zh (event))
        kind = XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH;
    }
  else if ((quote = xinzhi_corpus_lookup_quote (self->corpus, id)) == NULL)
    return;
  if (event != NULL)
    shown = xinzhi_event_get_display_title (event);

  words = &ask_words[kind];
  alert = adw_alert_dialog_new (_(words->heading), _(words->body));
  entry = gtk_entry_new ();
  if (shown != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), shown);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _(words->label), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), entry);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "do", _(words->button),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "do", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "do");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (alert), "do", FALSE);
  asking = asking_new (self, id);
  asking->kind = kind;
  asking->title = g_strdup (shown);
  if (words->in_article)
    asking->document = g_object_ref (xinzhi_quote_get_document (quote));
  g_signal_connect (entry, "changed", G_CALLBACK (asked_words_changed_cb), asking);
  g_signal_connect_data (alert, "response", G_CALLBACK (asked_words_response_cb), asking, asking_free, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

void
_xinzhi_window_edit_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  const char *id = NULL;
  const char *value = NULL;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(suuuu)")))
    {
      guint first, first_byte, last, last_byte;

      g_variant_get (parameter, "(&suuuu)", &id, &first, &first_byte, &last, &last_byte);
      if (g_str_equal (action_name, "win.add-event"))
        add_event (XINZHI_WINDOW (widget), id, first, first_byte, last, last_byte);
      else if (g_str_equal (action_name, "win.add-term"))
        add_term (XINZHI_WINDOW (widget), id, first, first_byte, last, last_byte);
      else
        add_quote (XINZHI_WINDOW (widget), id, first, first_byte, last, last_byte);
      return;
    }
  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE ("(ss)")))
    g_variant_get (parameter, "(&s&s)", &id, &value);
  else
    id = g_variant_get_string (parameter, NULL);

  if (g_str_equal (action_name, "win.merge-person"))
    {
      ask_merge (XINZHI_WINDOW (widget), id);
      return;
    }
  if (g_str_equal (action_name, "win.set-article-date"))
    {
      ask_date (XINZHI_WINDOW (widget), id);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    if (g_str_equal (action_name, edit_actions[i].action) &&
        (edit_actions[i].kind == XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER ||
         edit_actions[i].kind == XINZHI_CORPUS_EDIT_ADD_ROLE ||
         edit_actions[i].kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE ||
         edits_article (edit_actions[i].kind)))
      ask_words_for (XINZHI_WINDOW (widget), edit_actions[i].kind, id);
    else if (g_str_equal (action_name, edit_actions[i].action))
      edit_quote (XINZHI_WINDOW (widget), edit_actions[i].kind, id, value);
}

/* Writes back what the file held before the last step (undoing) or after the last
 * undone one (redoing). */
static void
restore (XinzhiWindow *self,
         gboolean      undoing)
{
  GPtrArray *steps = undoing ? self->undo : self->redo;
  EditStep *step;
  Running *running;

  if (steps->len == 0 || self->corpus_file == NULL || self->editing || self->load != NULL)
    return;
  step = g_ptr_array_index (steps, steps->len - 1);
  g_return_if_fail (g_file_equal (step->file, self->corpus_file));

  running = running_new (self, step->kind, step->id);
  running->step = step;
  running->undoing = undoing;
  xinzhi_corpus_restore_file_async (self->corpus_file, xinzhi_corpus_get_checksum (self->corpus),
                                    undoing ? step->before : step->after,
                                    self->cancellable, edited_cb, running);
}

void
_xinzhi_window_undo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  restore (XINZHI_WINDOW (widget), TRUE);
}

void
_xinzhi_window_redo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  restore (XINZHI_WINDOW (widget), FALSE);
}
