/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * XinzhiDatePrecision:
 *
 * How precisely the corpus knows a date.  The precision is the form the date was
 * written in: `2023` is a year, `2023-09` a month, `2023-09-07` a day.
 */
typedef enum
{
  XINZHI_DATE_PRECISION_NONE,
  XINZHI_DATE_PRECISION_YEAR,
  XINZHI_DATE_PRECISION_MONTH,
  XINZHI_DATE_PRECISION_DAY,
} XinzhiDatePrecision;

/**
 * XinzhiDate:
 *
 * A calendar date known to a given precision.  Fields finer than the precision are 0.
 * A plain value type: copy it by assignment.
 */
typedef struct
{
  guint16             year;
  guint8              month;
  guint8              day;
  XinzhiDatePrecision precision;
} XinzhiDate;

/**
 * XinzhiDateWords:
 *
 * What words of a text state about a date: the years, months and day numbers they
 * name (see xinzhi_date_text_scan()).
 */
typedef struct
{
  guint16 years[4];  /* the first four years named */
  guint   n_years;
  guint16 months;    /* bit m set: month m (1–12) is named */
  guint32 days;      /* bit d set: day number d (1–31) is named */
} XinzhiDateWords;

gboolean             xinzhi_date_parse          (const char          *text,
                                                 XinzhiDate          *date);
char                *xinzhi_date_to_iso         (const XinzhiDate    *date);
char                *xinzhi_date_format         (const XinzhiDate    *date);
char                *xinzhi_date_format_span    (guint32              first,
                                                 guint32              last);
int                  xinzhi_date_compare        (const XinzhiDate    *a,
                                                 const XinzhiDate    *b);
gboolean             xinzhi_date_is_before      (const XinzhiDate    *a,
                                                 const XinzhiDate    *b);
guint32              xinzhi_date_first_day      (const XinzhiDate    *date);
guint32              xinzhi_date_last_day       (const XinzhiDate    *date);
const char          *xinzhi_date_precision_name (XinzhiDatePrecision  precision);
XinzhiDatePrecision  xinzhi_date_text_precision (const char          *text);
void                 xinzhi_date_text_scan      (const char          *text,
                                                 XinzhiDateWords     *words);
gboolean             xinzhi_date_words_has_year (const XinzhiDateWords *words,
                                                 guint                year);
guint                xinzhi_date_year_without_year (const XinzhiDate *date,
                                                    const XinzhiDate *reference);
gboolean             xinzhi_date_month_preposition_before (const char *text,
                                                           const char *start);

/**
 * XinzhiEarliest:
 * @first: of the dates that are stated, the one that comes first in
 *   xinzhi_date_compare()'s order; precision %XINZHI_DATE_PRECISION_NONE when none is
 * @n_dated: how many stated dates were added
 * @n_estimated: how many estimated dates were added
 * @estimated: of the estimated dates, the one that comes first; precision
 *   %XINZHI_DATE_PRECISION_NONE when there are none
 *
 * What is known of the earliest of a set of dates, such as those of the articles that
 * mention a sector: built with xinzhi_earliest_add(), read with
 * xinzhi_earliest_is_certain().  Start from a zeroed struct.  A plain value type.
 */
typedef struct
{
  XinzhiDate first;
  guint      n_dated;
  guint      n_estimated;
  XinzhiDate estimated;

  /*< private >*/
  guint32    others_start;  /* where the earliest stated date other than @first begins,
                             * as a key that orders days (not a day number) */
} XinzhiEarliest;

void                 xinzhi_earliest_add        (XinzhiEarliest       *self,
                                                 const XinzhiDate     *date,
                                                 gboolean              estimated);
gboolean             xinzhi_earliest_is_certain (const XinzhiEarliest *self);
int                  xinzhi_earliest_compare    (const XinzhiEarliest *a,
                                                 const XinzhiEarliest *b);

G_END_DECLS
