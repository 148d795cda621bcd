/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xinzhi-dump FILE…: prints everything the model holds of each corpus file, read and
 * derived (documents with their mentions, quotes, sectors, people and events; sectors,
 * people, events and quotes with their links), one fact a line, or the load's error.
 * Not a test: a change to the loader that must not change its result is checked by
 * dumping the same files before and after it and comparing the outputs byte for byte.
 */
#include "config.h"

#include <stdio.h>

#include "xinzhi-corpus.h"

static void
print_date (const char       *label,
            const XinzhiDate *date)
{
  g_autofree char *iso = xinzhi_date_to_iso (date);

  g_print (" %s=%s", label, iso ? iso : "-");
}

/* What is known of an earliest date: the earliest stated one, how many dates were
 * stated and estimated, the earliest estimate, and whether the first is certain. */
static void
print_earliest (const char           *label,
                const XinzhiEarliest *earliest)
{
  g_autofree char *estimated_label = g_strconcat (label, "_estimated", NULL);

  print_date (label, &earliest->first);
  print_date (estimated_label, &earliest->estimated);
  g_print (" n_dated=%u n_estimated=%u certain=%d", earliest->n_dated, earliest->n_estimated,
           xinzhi_earliest_is_certain (earliest));
}

/* The ids of a list of corpus objects, on one line. */
static void
print_ids (const char *label,
           GListModel *model)
{
  g_print ("  %s:", label);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = NULL;

      if (XINZHI_IS_DOCUMENT (item))
        id = xinzhi_document_get_id (XINZHI_DOCUMENT (item));
      else if (XINZHI_IS_SECTOR (item))
        id = xinzhi_sector_get_id (XINZHI_SECTOR (item));
      else if (XINZHI_IS_PERSON (item))
        id = xinzhi_person_get_id (XINZHI_PERSON (item));
      else if (XINZHI_IS_EVENT (item))
        id = xinzhi_event_get_id (XINZHI_EVENT (item));
      else if (XINZHI_IS_QUOTE (item))
        id = xinzhi_quote_get_id (XINZHI_QUOTE (item));
      g_print (" %s", id);
    }
  g_print ("\n");
}

static void
print_mentions (GListModel *mentions)
{
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiSector *sector = xinzhi_mention_get_sector (mention);
      XinzhiPerson *person = xinzhi_mention_get_person (mention);
      XinzhiConcept *concept = xinzhi_mention_get_concept (mention);

      g_print ("  mention %s %u %u-%u %s%s\n",
               xinzhi_document_get_id (xinzhi_mention_get_document (mention)),
               xinzhi_mention_get_paragraph (mention),
               xinzhi_mention_get_start (mention), xinzhi_mention_get_end (mention),
               sector ? "sector:" : person ? "person:" : "concept:",
               sector ? xinzhi_sector_get_id (sector)
                      : person ? xinzhi_person_get_id (person) : xinzhi_concept_get_id (concept));
    }
}

static void
dump (XinzhiCorpus *corpus)
{
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  GListModel *sectors = xinzhi_corpus_get_sectors (corpus);
  GListModel *people = xinzhi_corpus_get_people (corpus);
  GListModel *events = xinzhi_corpus_get_events (corpus);
  GListModel *quotes = xinzhi_corpus_get_quotes (corpus);
  GListModel *concepts = xinzhi_corpus_get_concepts (corpus);

  g_print ("corpus %s\n", xinzhi_corpus_get_title (corpus));

  /* Counts read from the records first, before any list is made. */
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      guint n = xinzhi_sector_get_n_mentions (sector);

      g_print ("sector %s n_mentions=%u n_documents=%u", xinzhi_sector_get_id (sector), n,
               xinzhi_sector_get_n_documents (sector));
      print_earliest ("first", xinzhi_sector_get_first_mention (sector));
      g_print ("\n  documents:");
      for (guint m = 0; m < n; m++)
        g_print (" %s", xinzhi_document_get_id (xinzhi_sector_get_mention_document (sector, m)));
      g_print ("\n");
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);

      g_print ("person %s n_mentions=%u\n", xinzhi_person_get_id (person),
               xinzhi_person_get_n_mentions (person));
    }
  /* A concept's mentions, each with the variant it is, read before its lists are made;
   * then each variant's list. */
  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, i);
      guint n = xinzhi_concept_get_n_mentions (concept);
      const char * const *variants = xinzhi_concept_get_variants (concept);

      g_print ("concept %s n_mentions=%u n_documents=%u\n  variants:", xinzhi_concept_get_id (concept),
               n, xinzhi_concept_get_n_documents (concept));
      for (guint m = 0; m < n; m++)
        g_print (" %u", xinzhi_concept_get_mention_variant (concept, m));
      g_print ("\n");
      print_mentions (xinzhi_concept_get_mentions (concept));
      for (guint v = 0; variants[v] != NULL; v++)
        {
          g_print ("  variant %u\n", v);
          print_mentions (xinzhi_concept_get_variant_mentions (concept, v));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);

      g_print ("document %s paragraphs=%u", xinzhi_document_get_id (document),
               xinzhi_document_get_n_paragraphs (document));
      print_date ("date", xinzhi_document_get_date (document));
      g_print ("\n");
      print_mentions (xinzhi_document_get_mentions (document));
      print_ids ("quotes", xinzhi_document_get_quotes (document));
      print_ids ("sectors", xinzhi_document_get_sectors (document));
      print_ids ("people", xinzhi_document_get_people (document));
      print_ids ("events", xinzhi_document_get_events (document));
    }

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);

      g_print ("sector %s\n", xinzhi_sector_get_id (sector));
      print_mentions (xinzhi_sector_get_mentions (sector));
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);

      g_print ("person %s roles=%u\n", xinzhi_person_get_id (person), xinzhi_person_get_n_roles (person));
      for (guint r = 0; r < xinzhi_person_get_n_roles (person); r++)
        g_print ("  role %s\n", xinzhi_person_get_role (person, r, NULL));
      print_ids ("quotes", xinzhi_person_get_quotes (person));
      print_mentions (xinzhi_person_get_mentions (person));
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);

      g_print ("event %s", xinzhi_event_get_id (event));
      print_date ("start", xinzhi_event_get_start (event));
      print_date ("end", xinzhi_event_get_end (event));
      g_print ("\n  sources:");
      for (guint s = 0; s < xinzhi_event_get_n_sources (event); s++)
        {
          guint paragraph;
          XinzhiDocument *document = xinzhi_event_get_source (event, s, &paragraph);

          g_print (" %s/%u", xinzhi_document_get_id (document), paragraph);
        }
      g_print ("\n");
      print_ids ("people", xinzhi_event_get_people (event));
      print_ids ("quotes", xinzhi_event_get_quotes (event));
      print_ids ("sectors", xinzhi_event_get_sectors (event));
    }

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      g_print ("quote %s person=%s document=%s %u %u-%u\n", xinzhi_quote_get_id (quote),
               xinzhi_person_get_id (xinzhi_quote_get_person (quote)),
               xinzhi_document_get_id (xinzhi_quote_get_document (quote)),
               xinzhi_quote_get_paragraph (quote), xinzhi_quote_get_start (quote),
               xinzhi_quote_get_end (quote));
      print_ids ("events", xinzhi_quote_get_events (quote));
      print_ids ("sectors", xinzhi_quote_get_sectors (quote));
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      g_printerr ("usage: xinzhi-dump FILE…\n");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

      g_print ("== %s\n", argv[i]);
      if (corpus == NULL)
        g_print ("error %d\n%s\n", error->code, error->message);
      else
        dump (corpus);
    }

  return 0;
}
