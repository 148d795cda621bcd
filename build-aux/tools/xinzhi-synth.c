/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The synthetic corpus generator (xinzhi-synth.h).
 *
 * Proportions, for n articles (the built-in corpus has, for 5 articles, 7 people, 23
 * sectors, 9 events and 21 quotes; a large corpus names more people and events, but its
 * sectors come from a taxonomy that grows slowly):
 *   people  4 + n / 5        sectors  8 + n / 50 (at most 272)
 *   events  2 + n / 2        quotes   2 n, spread at random over the articles
 * An article has 4 to 14 paragraphs of filler (one to four sentences of 8 to 24 words,
 * about 250 bytes, as news paragraphs are), plus a paragraph for each person it
 * introduces, each event it reports and each quote it carries; a dateline, a heading, a
 * caption or an editor's credit now and then.  One article in six is in Chinese; English
 * text holds Chinese phrases too.  10,000 articles make a file of 47 MB. */
#include "config.h"

#include <string.h>

#include "xinzhi-synth.h"

#define MAX_SECTORS (G_N_ELEMENTS (real_sectors) + G_N_ELEMENTS (adjectives) * G_N_ELEMENTS (nouns))
#define FIRST_YEAR 2023
#define N_YEARS 3

static const char * const words[] = {
  "the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "with", "as", "by",
  "new", "quality", "productive", "forces", "development", "innovation", "industry",
  "industries", "technology", "hydrogen", "energy", "artificial", "intelligence",
  "province", "government", "enterprises", "growth", "economy", "digital", "green",
  "manufacturing", "research", "scientific", "said", "according", "policy", "high-end",
  "equipment", "storage", "quantum", "computing", "low-altitude", "biomanufacturing",
  "semiconductor", "robotics", "pilot", "zone", "investment", "billion", "yuan",
};

static const char * const han[] = {
  "新质生产力", "人工智能", "氢能", "储能", "量子科技", "低空经济", "生物制造", "发展",
  "创新", "产业", "科技", "高质量", "经济", "企业", "政府", "数字经济", "新能源汽车",
};

/* Rare: each in about one paragraph in two hundred. */
static const char * const rare[] = {
  "zeolite", "Zürich", "perovskite", "énergie", "Šibenik", "heliostat", "kagome",
};

/* Chinese filler, joined without spaces. */
static const char * const han_filler[] = {
  "推动", "加快", "培育", "壮大", "新兴产业", "未来产业", "传统产业", "转型升级", "科技创新",
  "产业创新", "深度融合", "因地制宜", "发展", "新质生产力", "高质量发展", "企业", "园区",
  "项目", "投资", "亿元", "同比增长", "政策", "支持", "建设", "体系", "能力", "提升",
  "全省", "全市", "今年", "以来", "持续", "稳步", "重点", "领域", "关键", "核心技术",
};

static const struct { const char *id, *name, *name_zh, *terms[3]; } real_sectors[] = {
  { "artificial-intelligence", "Artificial intelligence", "人工智能", { "artificial intelligence", "AI", "人工智能" } },
  { "hydrogen-energy", "Hydrogen energy", "氢能", { "hydrogen energy", "氢能" } },
  { "quantum-technology", "Quantum technology", "量子科技", { "quantum computing", "量子科技" } },
  { "low-altitude-economy", "Low-altitude economy", "低空经济", { "low-altitude economy", "低空经济" } },
  { "biomanufacturing", "Biomanufacturing", "生物制造", { "biomanufacturing", "生物制造" } },
  { "new-energy-vehicles", "New energy vehicles", "新能源汽车", { "new energy vehicles", "NEV", "新能源汽车" } },
  { "energy-storage", "Energy storage", "储能", { "energy storage", "储能" } },
  { "semiconductors", "Semiconductors", "集成电路", { "semiconductor", "chip", "集成电路" } },
  { "robotics", "Robotics", "机器人", { "humanoid robot", "robotics", "机器人" } },
  { "commercial-aerospace", "Commercial aerospace", "商业航天", { "commercial aerospace", "商业航天" } },
  { "new-materials", "New materials", "新材料", { "new materials", "新材料" } },
  { "digital-economy", "Digital economy", "数字经济", { "digital economy", "数字经济" } },
  { "6g", "6G", "6G", { "6G" } },
  { "biomedicine", "Biomedicine", "生物医药", { "biomedicine", "生物医药" } },
  { "smart-manufacturing", "Smart manufacturing", "智能制造", { "smart manufacturing", "智能制造" } },
  { "green-shipping", "Green shipping", "绿色航运", { "green shipping", "绿色航运" } },
};

/* Further sectors: an adjective and a noun, in English and in Chinese. */
static const char * const adjectives[] = {
  "advanced", "intelligent", "low-carbon", "marine", "precision", "deep-sea", "bio-based",
  "photonic", "cold-chain", "industrial", "space", "nuclear", "flexible", "clean",
  "modular", "autonomous",
};
static const char * const adjectives_zh[] = {
  "先进", "智慧", "低碳", "海洋", "精密", "深海", "生物基", "光子", "冷链", "工业",
  "空间", "核", "柔性", "清洁", "模块化", "自主",
};
static const char * const nouns[] = {
  "sensing", "alloys", "logistics", "drones", "textiles", "batteries", "displays",
  "lasers", "agriculture", "diagnostics", "networks", "engines", "coatings", "software",
  "fuels", "optics",
};
static const char * const nouns_zh[] = {
  "传感", "合金", "物流", "无人机", "纺织", "电池", "显示", "激光", "农业", "诊断",
  "网络", "发动机", "涂层", "软件", "燃料", "光学",
};

static const struct { const char *id, *name, *name_zh; } groups[] = {
  { "future-industries", "Future industries", "未来产业" },
  { "strategic-emerging-industries", "Strategic emerging industries", "战略性新兴产业" },
  { "digital-economy", "Digital economy", "数字经济" },
  { "upgraded-traditional-industries", "Upgraded traditional industries", "传统产业转型升级" },
};

static const struct { const char *en, *zh; } families[] = {
  { "Wang", "王" }, { "Li", "李" }, { "Zhang", "张" }, { "Liu", "刘" }, { "Chen", "陈" },
  { "Yang", "杨" }, { "Huang", "黄" }, { "Zhao", "赵" }, { "Wu", "吴" }, { "Zhou", "周" },
  { "Xu", "徐" }, { "Sun", "孙" }, { "Ma", "马" }, { "Zhu", "朱" }, { "Hu", "胡" },
  { "Guo", "郭" }, { "He", "何" }, { "Lin", "林" }, { "Gao", "高" }, { "Luo", "罗" },
};

static const struct { const char *en, *zh; } syllables[] = {
  { "Jian", "建" }, { "Guo", "国" }, { "Hua", "华" }, { "Ming", "明" }, { "Wei", "伟" },
  { "Fang", "芳" }, { "Jing", "静" }, { "Qiang", "强" }, { "Lei", "磊" }, { "Yan", "燕" },
  { "Tao", "涛" }, { "Hong", "红" }, { "Xia", "霞" }, { "Ping", "平" }, { "Gang", "刚" },
  { "Hui", "辉" }, { "Yu", "宇" }, { "Xin", "鑫" }, { "Bo", "波" }, { "Ning", "宁" },
  { "Kai", "凯" }, { "Rui", "瑞" }, { "Feng", "峰" }, { "Lan", "兰" }, { "Dong", "东" },
};

static const struct { const char *en, *zh; } cities[] = {
  { "Hefei", "合肥" }, { "Shenzhen", "深圳" }, { "Suzhou", "苏州" }, { "Chengdu", "成都" },
  { "Wuhan", "武汉" }, { "Xi'an", "西安" }, { "Hangzhou", "杭州" }, { "Harbin", "哈尔滨" },
  { "Changsha", "长沙" }, { "Qingdao", "青岛" }, { "Tianjin", "天津" }, { "Chongqing", "重庆" },
};

static const struct { const char *en, *zh; } titles[] = {
  { "deputy director", "副主任" }, { "director", "主任" }, { "chief engineer", "总工程师" },
  { "vice mayor", "副市长" }, { "general manager", "总经理" }, { "researcher", "研究员" },
  { "secretary-general", "秘书长" }, { "professor", "教授" },
};

/* An organisation: English before and after the city's name, Chinese after it. */
static const struct { const char *before, *after, *zh; } bodies[] = {
  { "the ", " Development and Reform Commission", "市发展和改革委员会" },
  { "the ", " Bureau of Industry and Information Technology", "市工业和信息化局" },
  { "", " University", "大学" },
  { "the ", " Institute of Advanced Technology", "先进技术研究院" },
  { "the ", " High-tech Zone", "高新区" },
};

static const struct { const char *en, *zh; } event_kinds[] = {
  { "forum", "论坛" }, { "expo", "博览会" }, { "pilot zone", "试验区" },
  { "industry fund", "产业基金" }, { "action plan", "行动方案" }, { "laboratory", "实验室" },
};

static const char * const outlets[] = {
  "Xinhua", "China Daily", "CGTN", "People's Daily", "Global Times", "China News Service",
  "Caixin", "Economic Daily",
};
static const char * const outlets_zh[] = { "新华社", "人民日报", "经济日报", "科技日报" };

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

typedef struct
{
  guint year, month, day;
  guint precision;               /* 1 year, 2 month, 3 day */
} Date;

typedef struct
{
  guint home;                    /* the article that introduces the person */
  char *role;                    /* as that article gives it */
  gboolean has_variant;
} Person;

typedef struct
{
  guint home;                    /* the article that reports it */
  guint second;                  /* another article that does, or G_MAXUINT */
  guint home_paragraph, second_paragraph;
  gboolean period, estimated;
  Date start, end;
  guint kind, city, sector;
  guint person_a, person_b;      /* G_MAXUINT for none */
} Event;

typedef struct
{
  guint person;
  guint document;
  gboolean direct;
  char *text;
  guint event;                   /* G_MAXUINT for none */
} Quote;

typedef struct
{
  GRand *rand;
  guint n_articles;
  XinzhiSynthCounts counts;
  Person *people;
  Event *events;
  GArray *quotes;                /* of Quote */
  guint *quotes_per_article;
  GPtrArray *people_of;          /* article → GArray of person indices */
  GPtrArray *events_of;          /* article → GArray of event indices */
} Synth;

static guint
pick (GRand *rand,
      guint  n)
{
  return g_rand_int_range (rand, 0, n);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
sector_name (guint       s,
             gboolean    zh,
             GString    *out)
{
  guint a, n;

  if (s < G_N_ELEMENTS (real_sectors))
    {
      g_string_append (out, zh ? real_sectors[s].name_zh : real_sectors[s].name);
      return;
    }
  s -= G_N_ELEMENTS (real_sectors);
  a = s % G_N_ELEMENTS (adjectives);
  n = s / G_N_ELEMENTS (adjectives);
  if (zh)
    g_string_append_printf (out, "%s%s", adjectives_zh[a], nouns_zh[n]);
  else
    g_string_append_printf (out, "%c%s %s", g_ascii_toupper (adjectives[a][0]),
                            adjectives[a] + 1, nouns[n]);
}

/* A term of sector @s: its first English one, or its Chinese one. */
static void
sector_term (guint       s,
             gboolean    zh,
             GString    *out)
{
  guint a, n;

  if (s < G_N_ELEMENTS (real_sectors))
    {
      const char * const *terms = real_sectors[s].terms;
      guint last = 0;

      while (last + 1 < G_N_ELEMENTS (real_sectors[s].terms) && terms[last + 1])
        last++;
      g_string_append (out, zh ? terms[last] : terms[0]);
      return;
    }
  s -= G_N_ELEMENTS (real_sectors);
  a = s % G_N_ELEMENTS (adjectives);
  n = s / G_N_ELEMENTS (adjectives);
  if (zh)
    g_string_append_printf (out, "%s%s", adjectives_zh[a], nouns_zh[n]);
  else
    g_string_append_printf (out, "%s %s", adjectives[a], nouns[n]);
}

/* Person @i's family name and two syllables of given name: all different for the first
 * 20 × 25 × 25 = 12,500 people (the given names vary from the first person on). */
static void
name_parts (guint  i,
            guint *f,
            guint *s1,
            guint *s2)
{
  guint k = i / G_N_ELEMENTS (families);

  *f = i % G_N_ELEMENTS (families);
  /* 21 is prime to 25: k → s1 is one to one for k < 25; given s1, s2 tells k / 25 apart. */
  *s1 = (21 * k + *f) % G_N_ELEMENTS (syllables);
  *s2 = (k / G_N_ELEMENTS (syllables) + 3 * k + 2 * *f) % G_N_ELEMENTS (syllables);
}

static void
person_name (guint     i,
             gboolean  zh,
             GString  *out)
{
  guint f, s1, s2;
  g_autofree char *second = NULL;

  name_parts (i, &f, &s1, &s2);
  second = g_ascii_strdown (syllables[s2].en, -1);

  if (zh)
    g_string_append_printf (out, "%s%s%s", families[f].zh, syllables[s1].zh, syllables[s2].zh);
  else
    g_string_append_printf (out, "%s %s%s", families[f].en, syllables[s1].en, second);
}

/* The other spelling: given name first. */
static void
person_variant (guint     i,
                GString  *out)
{
  guint f, s1, s2;
  g_autofree char *second = NULL;

  name_parts (i, &f, &s1, &s2);
  second = g_ascii_strdown (syllables[s2].en, -1);

  g_string_append_printf (out, "%s%s %s", syllables[s1].en, second, families[f].en);
}

static gboolean
is_chinese (guint article)
{
  return article % 6 == 5;
}

static Date
random_date (GRand *rand,
             guint  precision)
{
  return (Date) { FIRST_YEAR + pick (rand, N_YEARS), 1 + pick (rand, 12), 1 + pick (rand, 28),
                  precision };
}

static void
append_iso_date (GString    *out,
                 const Date *date)
{
  g_string_append_printf (out, "%04u", date->year);
  if (date->precision >= 2)
    g_string_append_printf (out, "-%02u", date->month);
  if (date->precision >= 3)
    g_string_append_printf (out, "-%02u", date->day);
}

/* Words that state @date to its precision, as the text gives them. */
static void
append_date_text (GString    *out,
                  const Date *date,
                  gboolean    zh)
{
  if (zh)
    {
      g_string_append_printf (out, "%u年", date->year);
      if (date->precision >= 2)
        g_string_append_printf (out, "%u月", date->month);
      if (date->precision >= 3)
        g_string_append_printf (out, "%u日", date->day);
    }
  else if (date->precision == 3)
    g_string_append_printf (out, "%s %u, %u", months[date->month - 1], date->day, date->year);
  else if (date->precision == 2)
    g_string_append_printf (out, "in %s %u", months[date->month - 1], date->year);
  else
    g_string_append_printf (out, "in %u", date->year);
}

static void
append_period_text (GString    *out,
                    const Date *start,
                    const Date *end,
                    gboolean    zh)
{
  if (zh)
    g_string_append_printf (out, "%u年%u月%u日至%u日", start->year, start->month, start->day, end->day);
  else
    g_string_append_printf (out, "from %s %u to %s %u, %u", months[start->month - 1], start->day,
                            months[end->month - 1], end->day, start->year);
}

/* One sentence of filler; @sector, when not G_MAXUINT, puts that sector's term in it. */
static void
append_sentence (GString  *out,
                 GRand    *rand,
                 gboolean  zh,
                 guint     sector)
{
  guint n = 8 + pick (rand, 17);
  guint at = sector != G_MAXUINT ? pick (rand, n) : G_MAXUINT;

  if (zh)
    {
      for (guint i = 0; i < n; i++)
        {
          if (i == at)
            sector_term (sector, TRUE, out);
          g_string_append (out, han_filler[pick (rand, G_N_ELEMENTS (han_filler))]);
          if (i + 1 < n && pick (rand, 5) == 0)
            g_string_append (out, "，");
        }
      g_string_append (out, "。");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint p = pick (rand, 1000);
      gsize before;

      if (i > 0)
        g_string_append_c (out, ' ');
      before = out->len;
      if (i == at)
        {
          sector_term (sector, FALSE, out);
          g_string_append_c (out, ' ');
        }
      if (p < 40)
        g_string_append (out, han[pick (rand, G_N_ELEMENTS (han))]);
      else if (p < 41 && pick (rand, 4) == 0)
        g_string_append (out, rare[pick (rand, G_N_ELEMENTS (rare))]);
      else
        g_string_append (out, words[pick (rand, G_N_ELEMENTS (words))]);
      if (i == 0 && g_ascii_islower (out->str[before]))
        out->str[before] = g_ascii_toupper (out->str[before]);
    }
  g_string_append_c (out, '.');
}

static char *
filler_paragraph (Synth    *self,
                  gboolean  zh,
                  guint     sector)
{
  GString *text = g_string_new (NULL);
  guint n = 1 + pick (self->rand, 4);
  guint with_sector = pick (self->rand, n);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && !zh)
        g_string_append_c (text, ' ');
      append_sentence (text, self->rand, zh, i == with_sector ? sector : G_MAXUINT);
    }

  return g_string_free (text, FALSE);
}

/* A clause of filler for a quote or a paragraph that introduces someone, without the
 * closing full stop. */
static char *
clause (Synth    *self,
        gboolean  zh)
{
  GString *text = g_string_new (NULL);
  guint sector = pick (self->rand, 3) == 0 ? pick (self->rand, self->counts.n_sectors) : G_MAXUINT;

  append_sentence (text, self->rand, zh, sector);
  /* Drop the full stop. */
  g_string_truncate (text, text->len - (zh ? strlen ("。") : 1));
  /* Lower-case a capitalised word, not an initialism such as "AI". */
  if (!zh && g_ascii_isupper (text->str[0]) && g_ascii_islower (text->str[1]))
    text->str[0] = g_ascii_tolower (text->str[0]);

  return g_string_free (text, FALSE);
}

static void
plan (Synth *self)
{
  guint n = self->n_articles;

  self->people = g_new0 (Person, self->counts.n_people);
  self->events = g_new0 (Event, self->counts.n_events);
  self->quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  self->quotes_per_article = g_new0 (guint, n);
  self->people_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->events_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint a = 0; a < n; a++)
    {
      g_ptr_array_add (self->people_of, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (self->events_of, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

  for (guint i = 0; i < self->counts.n_people; i++)
    {
      Person *person = &self->people[i];
      guint t = pick (self->rand, G_N_ELEMENTS (titles));
      guint b = pick (self->rand, G_N_ELEMENTS (bodies));
      guint c = pick (self->rand, G_N_ELEMENTS (cities));

      person->home = i % n;
      if (is_chinese (person->home))
        person->role = g_strconcat (cities[c].zh, bodies[b].zh, titles[t].zh, NULL);
      else
        {
          person->role = g_strconcat (titles[t].en, " of ", bodies[b].before, cities[c].en,
                                      bodies[b].after, NULL);
          person->has_variant = i % 3 == 0;
        }
      g_array_append_val (g_ptr_array_index (self->people_of, person->home), i);
    }

  for (guint e = 0; e < self->counts.n_events; e++)
    {
      Event *event = &self->events[e];
      guint r = pick (self->rand, 100);

      event->home = (e * 7 + 3) % n;
      event->second = n > 1 && e % 5 == 0 ? (event->home + n / 2) % n : G_MAXUINT;
      event->kind = pick (self->rand, G_N_ELEMENTS (event_kinds));
      event->city = pick (self->rand, G_N_ELEMENTS (cities));
      event->sector = pick (self->rand, self->counts.n_sectors);
      event->person_a = pick (self->rand, 3) == 0 ? pick (self->rand, self->counts.n_people) : G_MAXUINT;
      event->person_b = event->person_a != G_MAXUINT && pick (self->rand, 3) == 0
                        ? (event->person_a + 1) % self->counts.n_people : G_MAXUINT;
      if (r < 5)
        {
          event->period = TRUE;
          event->start = random_date (self->rand, 3);
          event->end = event->start;
          event->start.day = 1 + pick (self->rand, 20);
          event->end.day = event->start.day + 1 + pick (self->rand, 7);
        }
      else
        {
          event->estimated = r >= 95;
          event->start = random_date (self->rand, r < 60 ? 3 : r < 85 ? 2 : 1);
          event->end = event->start;
        }
      g_array_append_val (g_ptr_array_index (self->events_of, event->home), e);
      if (event->second != G_MAXUINT)
        g_array_append_val (g_ptr_array_index (self->events_of, event->second), e);
    }

  for (guint q = 0; q < self->counts.n_quotes; q++)
    self->quotes_per_article[pick (self->rand, n)]++;
}

typedef struct
{
  const char *kind;              /* NULL for body */
  char *text;
} Paragraph;

static void
clear_paragraph (gpointer data)
{
  g_free (((Paragraph *) data)->text);
}

static void
add_paragraph (GArray     *paragraphs,
               const char *kind,
               char       *text)
{
  g_array_append_val (paragraphs, ((Paragraph) { kind, text }));
}

/* Inserts @text as a body paragraph at a random place after the first, and keeps the
 * recorded places of events after it right.  Returns its index. */
static guint
insert_paragraph (Synth  *self,
                  GArray *paragraphs,
                  guint   first_body,
                  char   *text)
{
  guint at = first_body + 1 + pick (self->rand, paragraphs->len - first_body);

  g_array_insert_val (paragraphs, at, ((Paragraph) { NULL, text }));
  return at;
}

static char *
event_sentence (Synth       *self,
                const Event *event,
                gboolean     zh)
{
  GString *text = g_string_new (NULL);

  if (zh)
    {
      if (!event->estimated)
        {
          if (event->period)
            append_period_text (text, &event->start, &event->end, TRUE);
          else
            append_date_text (text, &event->start, TRUE);
          g_string_append (text, "，");
        }
      g_string_append_printf (text, "%s", cities[event->city].zh);
      sector_name (event->sector, TRUE, text);
      g_string_append_printf (text, "%s%s。", event_kinds[event->kind].zh,
                              event->period ? "举办" : "启动");
    }
  else
    {
      g_string_append_printf (text, "The %s ", cities[event->city].en);
      sector_term (event->sector, FALSE, text);
      g_string_append_printf (text, " %s %s", event_kinds[event->kind].en,
                              event->period ? "was held" : "was launched");
      if (!event->estimated)
        {
          g_string_append_c (text, ' ');
          if (event->period)
            append_period_text (text, &event->start, &event->end, FALSE);
          else
            {
              if (event->start.precision == 3)
                g_string_append (text, "on ");
              append_date_text (text, &event->start, FALSE);
            }
        }
      g_string_append (text, ", officials said.");
    }

  return g_string_free (text, FALSE);
}

static void
write_document (Synth   *self,
                GString *out,
                guint    a)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  GArray *people = g_ptr_array_index (self->people_of, a);
  GArray *events = g_ptr_array_index (self->events_of, a);
  gboolean zh = is_chinese (a);
  guint n_filler = 4 + pick (self->rand, 11);
  guint how_dated = pick (self->rand, 10);
  Date date = random_date (self->rand, 3);
  g_autoptr(GString) date_text = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) url = NULL;
  guint first_body = 0;
  guint first_sector = a < self->counts.n_sectors ? a : pick (self->rand, self->counts.n_sectors);

  g_array_set_clear_func (paragraphs, clear_paragraph);

  /* The date's evidence: a dateline, or the address, or none (an estimate). */
  if (how_dated < 7)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      append_date_text (date_text, &date, zh);
      if (zh)
        g_string_append_printf (line, "%s%s电 %s", outlets_zh[a % G_N_ELEMENTS (outlets_zh)],
                                cities[a % G_N_ELEMENTS (cities)].zh, date_text->str);
      else
        g_string_append_printf (line, "%s, %s (%s)", cities[a % G_N_ELEMENTS (cities)].en,
                                date_text->str, outlets[a % G_N_ELEMENTS (outlets)]);
      add_paragraph (paragraphs, "dateline", g_string_free (g_steal_pointer (&line), FALSE));
      first_body = 1;
    }
  else if (how_dated < 9)
    {
      g_string_append_printf (date_text, "%04u/%02u-%02u", date.year, date.month, date.day);
      url = g_string_new (NULL);
      g_string_append_printf (url, "https://news.example.cn/%s/%u.shtml", date_text->str, 100000 + a);
    }

  /* The filler, with every sector whose first mention is here (so that each sector
   * occurs), and one in three paragraphs naming some sector. */
  for (guint p = 0; p < n_filler; p++)
    {
      guint sector = G_MAXUINT;

      if (p == 0)
        sector = first_sector;
      else if (pick (self->rand, 3) == 0)
        sector = pick (self->rand, self->counts.n_sectors);
      add_paragraph (paragraphs, NULL, filler_paragraph (self, zh, sector));
    }
  for (guint s = a + self->n_articles; s < self->counts.n_sectors; s += self->n_articles)
    add_paragraph (paragraphs, NULL, filler_paragraph (self, zh, s));

  /* Subheadings and captions now and then. */
  if (pick (self->rand, 4) == 0)
    {
      g_autoptr(GString) heading = g_string_new (NULL);

      sector_name (pick (self->rand, self->counts.n_sectors), zh, heading);
      g_string_append (heading, zh ? "加速发展" : " gathers pace");
      g_array_insert_val (paragraphs, first_body + 1 + pick (self->rand, n_filler - 1),
                          ((Paragraph) { "heading", g_string_free (g_steal_pointer (&heading), FALSE) }));
    }

  /* The people it introduces, with their roles and, for some, the other spelling. */
  for (guint i = 0; i < people->len; i++)
    {
      guint index = g_array_index (people, guint, i);
      const Person *person = &self->people[index];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *rest = clause (self, zh);

      if (zh)
        {
          g_string_append (text, person->role);
          person_name (index, TRUE, text);
          g_string_append_printf (text, "介绍，%s。", rest);
        }
      else
        {
          person_name (index, FALSE, text);
          g_string_append_printf (text, ", %s, said that %s.", person->role, rest);
        }
      insert_paragraph (self, paragraphs, first_body, g_string_free (g_steal_pointer (&text), FALSE));

      if (person->has_variant)
        {
          g_autoptr(GString) more = g_string_new (NULL);
          g_autofree char *also = clause (self, FALSE);

          person_variant (index, more);
          g_string_append_printf (more, " told reporters that %s.", also);
          insert_paragraph (self, paragraphs, first_body, g_string_free (g_steal_pointer (&more), FALSE));
        }
    }

  /* Quotes, by the people introduced here or by anyone. */
  for (guint q = 0; q < self->quotes_per_article[a]; q++)
    {
      Quote quote = { 0 };
      g_autoptr(GString) text = g_string_new (NULL);

      quote.person = people->len > 0 && pick (self->rand, 2) == 0
                     ? g_array_index (people, guint, pick (self->rand, people->len))
                     : pick (self->rand, self->counts.n_people);
      quote.document = a;
      quote.direct = pick (self->rand, 3) != 0;
      quote.text = clause (self, zh);
      quote.event = events->len > 0 && pick (self->rand, 2) == 0
                    ? g_array_index (events, guint, pick (self->rand, events->len)) : G_MAXUINT;
      if (zh)
        {
          person_name (quote.person, TRUE, text);
          if (quote.direct)
            {
              /* The full stop inside the quotation marks belongs to the quote. */
              char *with_stop = g_strconcat (quote.text, "。", NULL);

              g_free (quote.text);
              quote.text = with_stop;
              g_string_append_printf (text, "说：“%s”", quote.text);
            }
          else
            g_string_append_printf (text, "表示，%s。", quote.text);
        }
      else if (quote.direct)
        {
          quote.text[0] = g_ascii_toupper (quote.text[0]);
          g_string_append_printf (text, "\"%s,\" ", quote.text);
          person_name (quote.person, FALSE, text);
          g_string_append (text, " said.");
        }
      else
        {
          person_name (quote.person, FALSE, text);
          g_string_append_printf (text, " said %s.", quote.text);
        }
      insert_paragraph (self, paragraphs, first_body, g_string_free (g_steal_pointer (&text), FALSE));
      g_array_append_val (self->quotes, quote);
    }

  /* The events it reports: inserted last, so that their places stay as recorded. */
  for (guint i = 0; i < events->len; i++)
    {
      guint e = g_array_index (events, guint, i);
      Event *event = &self->events[e];
      guint at = paragraphs->len;

      add_paragraph (paragraphs, NULL, event_sentence (self, event, zh));
      if (event->home == a)
        event->home_paragraph = at;
      else
        event->second_paragraph = at;
    }

  if (pick (self->rand, 3) == 0)
    add_paragraph (paragraphs, "caption",
                   g_strdup (zh ? "图为园区内的生产线。" : "A production line in the industrial park."));
  if (pick (self->rand, 4) == 0)
    add_paragraph (paragraphs, "credit", g_strdup (zh ? "责任编辑：周宁" : "Editor: Zhou Ning"));

  /* The title: the opening words of the first body paragraph. */
  {
    const char *first = g_array_index (paragraphs, Paragraph, first_body).text;
    glong n_chars = g_utf8_strlen (first, -1);
    glong cut = zh ? 16 : 60;

    if (n_chars <= cut)
      g_string_append (title, first);
    else
      {
        g_string_append_len (title, first, g_utf8_offset_to_pointer (first, cut) - first);
        g_string_append (title, "…");
      }
  }

  g_string_append_printf (out, "    {\"id\": \"article-%u\", \"title\": ", a);
  append_json_string (out, title->str);
  if (pick (self->rand, 10) != 0)
    {
      g_string_append (out, ", \"outlet\": ");
      append_json_string (out, zh ? outlets_zh[a % G_N_ELEMENTS (outlets_zh)]
                                  : outlets[a % G_N_ELEMENTS (outlets)]);
    }
  if (pick (self->rand, 2) == 0)
    {
      g_autoptr(GString) reporter = g_string_new (NULL);

      person_name (20000 + a, zh, reporter);
      g_string_append (out, ", \"byline\": [");
      append_json_string (out, reporter->str);
      g_string_append_c (out, ']');
    }
  g_string_append (out, ",\n     \"date\": \"");
  append_iso_date (out, &date);
  g_string_append_c (out, '"');
  if (date_text->len > 0)
    {
      g_string_append (out, ", \"date_text\": ");
      append_json_string (out, date_text->str);
    }
  else
    g_string_append (out, ", \"date_estimated\": true, \"date_note\": \"Synthetic: the text gives no date.\"");
  if (url)
    {
      g_string_append (out, ", \"url\": ");
      append_json_string (out, url->str);
    }
  if (zh)
    g_string_append (out, ", \"language\": \"zh\"");
  g_string_append (out, ",\n     \"paragraphs\": [\n");
  for (guint p = 0; p < paragraphs->len; p++)
    {
      const Paragraph *paragraph = &g_array_index (paragraphs, Paragraph, p);

      g_string_append (out, "       {");
      if (paragraph->kind)
        g_string_append_printf (out, "\"kind\": \"%s\", ", paragraph->kind);
      g_string_append (out, "\"text\": ");
      append_json_string (out, paragraph->text);
      g_string_append_printf (out, "}%s\n", p + 1 < paragraphs->len ? "," : "");
    }
  g_string_append_printf (out, "     ]}%s\n", a + 1 < self->n_articles ? "," : "");
}

static void
write_people (Synth   *self,
              GString *out)
{
  for (guint i = 0; i < self->counts.n_people; i++)
    {
      const Person *person = &self->people[i];
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) name_zh = g_string_new (NULL);

      person_name (i, FALSE, name);
      person_name (i, TRUE, name_zh);
      g_string_append_printf (out, "    {\"id\": \"person-%u\", \"name\": ", i);
      append_json_string (out, name->str);
      g_string_append (out, ", \"name_zh\": ");
      append_json_string (out, name_zh->str);
      if (person->has_variant)
        {
          g_autoptr(GString) variant = g_string_new (NULL);

          person_variant (i, variant);
          g_string_append (out, ", \"variants\": [");
          append_json_string (out, variant->str);
          g_string_append_c (out, ']');
        }
      g_string_append (out, ", \"roles\": [{\"text\": ");
      append_json_string (out, person->role);
      g_string_append_printf (out, ", \"document\": \"article-%u\"}]}%s\n", person->home,
                              i + 1 < self->counts.n_people ? "," : "");
    }
}

static void
write_sectors (Synth   *self,
               GString *out)
{
  for (guint s = 0; s < self->counts.n_sectors; s++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) name_zh = g_string_new (NULL);

      sector_name (s, FALSE, name);
      sector_name (s, TRUE, name_zh);
      g_string_append (out, "    {\"id\": ");
      if (s < G_N_ELEMENTS (real_sectors))
        append_json_string (out, real_sectors[s].id);
      else
        {
          guint k = s - G_N_ELEMENTS (real_sectors);

          g_string_append_printf (out, "\"%s-%s\"", adjectives[k % G_N_ELEMENTS (adjectives)],
                                  nouns[k / G_N_ELEMENTS (adjectives)]);
        }
      g_string_append (out, ", \"name\": ");
      append_json_string (out, name->str);
      g_string_append (out, ", \"name_zh\": ");
      append_json_string (out, name_zh->str);
      g_string_append_printf (out, ", \"group\": \"%s\", \"terms\": [", groups[s % G_N_ELEMENTS (groups)].id);
      if (s < G_N_ELEMENTS (real_sectors))
        {
          for (guint t = 0; t < G_N_ELEMENTS (real_sectors[s].terms) && real_sectors[s].terms[t]; t++)
            {
              if (t > 0)
                g_string_append (out, ", ");
              append_json_string (out, real_sectors[s].terms[t]);
            }
        }
      else
        {
          g_autoptr(GString) term = g_string_new (NULL);
          g_autoptr(GString) term_zh = g_string_new (NULL);

          sector_term (s, FALSE, term);
          sector_term (s, TRUE, term_zh);
          append_json_string (out, term->str);
          g_string_append (out, ", ");
          append_json_string (out, term_zh->str);
        }
      g_string_append_printf (out, "]}%s\n", s + 1 < self->counts.n_sectors ? "," : "");
    }
}

static void
write_events (Synth   *self,
              GString *out)
{
  for (guint e = 0; e < self->counts.n_events; e++)
    {
      const Event *event = &self->events[e];
      gboolean zh = is_chinese (event->home);
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(GString) title_zh = g_string_new (NULL);
      g_autoptr(GString) date_text = g_string_new (NULL);

      g_string_append_printf (title, "%s ", cities[event->city].en);
      sector_term (event->sector, FALSE, title);
      g_string_append_printf (title, " %s", event_kinds[event->kind].en);
      g_string_append (title_zh, cities[event->city].zh);
      sector_name (event->sector, TRUE, title_zh);
      g_string_append (title_zh, event_kinds[event->kind].zh);

      g_string_append_printf (out, "    {\"id\": \"event-%u\", \"title\": ", e);
      append_json_string (out, title->str);
      g_string_append (out, ", \"title_zh\": ");
      append_json_string (out, title_zh->str);
      g_string_append_printf (out, ", \"summary\": \"A synthetic %s in %s.\"",
                              event_kinds[event->kind].en, cities[event->city].en);
      if (event->period)
        {
          g_string_append (out, ", \"kind\": \"period\", \"start\": \"");
          append_iso_date (out, &event->start);
          g_string_append (out, "\", \"end\": \"");
          append_iso_date (out, &event->end);
          g_string_append_c (out, '"');
          append_period_text (date_text, &event->start, &event->end, zh);
        }
      else
        {
          g_string_append (out, ", \"date\": \"");
          append_iso_date (out, &event->start);
          g_string_append_c (out, '"');
          append_date_text (date_text, &event->start, zh);
        }
      if (event->estimated)
        g_string_append (out, ", \"date_estimated\": true, \"date_note\": \"Synthetic: the text gives no date.\"");
      else
        {
          g_string_append (out, ", \"date_text\": ");
          append_json_string (out, date_text->str);
        }
      g_string_append_printf (out, ",\n     \"sources\": [{\"document\": \"article-%u\", \"paragraph\": %u}",
                              event->home, event->home_paragraph);
      /* The second report repeats the sentence in its own language: cite it only where
       * the date's words are the same. */
      if (event->second != G_MAXUINT && is_chinese (event->second) == zh)
        g_string_append_printf (out, ", {\"document\": \"article-%u\", \"paragraph\": %u}",
                                event->second, event->second_paragraph);
      g_string_append_c (out, ']');
      if (event->person_a != G_MAXUINT)
        {
          g_string_append_printf (out, ", \"people\": [\"person-%u\"", event->person_a);
          if (event->person_b != G_MAXUINT && event->person_b != event->person_a)
            g_string_append_printf (out, ", \"person-%u\"", event->person_b);
          g_string_append_c (out, ']');
        }
      g_string_append_printf (out, "}%s\n", e + 1 < self->counts.n_events ? "," : "");
    }
}

static void
write_quotes (Synth   *self,
              GString *out)
{
  for (guint q = 0; q < self->quotes->len; q++)
    {
      const Quote *quote = &g_array_index (self->quotes, Quote, q);

      g_string_append_printf (out,
                              "    {\"id\": \"quote-%u\", \"person\": \"person-%u\", "
                              "\"document\": \"article-%u\", \"kind\": \"%s\", \"text\": ",
                              q, quote->person, quote->document,
                              quote->direct ? "direct" : "paraphrase");
      append_json_string (out, quote->text);
      if (quote->event != G_MAXUINT)
        g_string_append_printf (out, ", \"events\": [\"event-%u\"]", quote->event);
      g_string_append_printf (out, "}%s\n", q + 1 < self->quotes->len ? "," : "");
    }
}

/**
 * xinzhi_synth_get_counts:
 * @n_articles: the number of articles
 * @counts: (out): what a corpus of that many articles holds
 */
void
xinzhi_synth_get_counts (guint              n_articles,
                         XinzhiSynthCounts *counts)
{
  g_return_if_fail (counts != NULL);

  counts->n_documents = n_articles;
  counts->n_people = 4 + n_articles / 5;
  counts->n_sectors = MIN (8 + n_articles / 50, MAX_SECTORS);
  counts->n_events = 2 + n_articles / 2;
  counts->n_quotes = 2 * n_articles;
}

/**
 * xinzhi_synth_corpus_json:
 * @n_articles: the number of articles, at least 1
 * @seed: the seed; the same seed gives the same bytes
 *
 * Returns: (transfer full): a corpus file's contents
 */
GBytes *
xinzhi_synth_corpus_json (guint   n_articles,
                          guint32 seed)
{
  Synth self = { 0 };
  GString *out;

  g_return_val_if_fail (n_articles > 0, NULL);

  self.rand = g_rand_new_with_seed (seed);
  self.n_articles = n_articles;
  xinzhi_synth_get_counts (n_articles, &self.counts);
  plan (&self);

  out = g_string_sized_new ((gsize) n_articles * 3600 + 4096);
  g_string_append_printf (out,
                          "{\n  \"format\": \"xinzhi-corpus\", \"version\": 1,\n"
                          "  \"title\": \"Synthetic corpus of %u articles (seed %u)\",\n"
                          "  \"groups\": [\n", n_articles, seed);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_string_append_printf (out, "    {\"id\": \"%s\", \"name\": \"%s\", \"name_zh\": \"%s\"}%s\n",
                            groups[g].id, groups[g].name, groups[g].name_zh,
                            g + 1 < G_N_ELEMENTS (groups) ? "," : "");
  g_string_append (out, "  ],\n  \"documents\": [\n");
  for (guint a = 0; a < n_articles; a++)
    write_document (&self, out, a);
  g_string_append (out, "  ],\n  \"people\": [\n");
  write_people (&self, out);
  g_string_append (out, "  ],\n  \"sectors\": [\n");
  write_sectors (&self, out);
  g_string_append (out, "  ],\n  \"events\": [\n");
  write_events (&self, out);
  g_string_append (out, "  ],\n  \"quotes\": [\n");
  write_quotes (&self, out);
  g_string_append (out, "  ]\n}\n");

  for (guint i = 0; i < self.counts.n_people; i++)
    g_free (self.people[i].role);
  g_free (self.people);
  g_free (self.events);
  for (guint q = 0; q < self.quotes->len; q++)
    g_free (g_array_index (self.quotes, Quote, q).text);
  g_array_unref (self.quotes);
  g_free (self.quotes_per_article);
  g_ptr_array_unref (self.people_of);
  g_ptr_array_unref (self.events_of);
  g_rand_free (self.rand);

  return g_string_free_to_bytes (out);
}

const char * const *
xinzhi_synth_common_words (guint *n_words)
{
  *n_words = G_N_ELEMENTS (words);
  return words;
}

const char * const *
xinzhi_synth_chinese_words (guint *n_words)
{
  *n_words = G_N_ELEMENTS (han);
  return han;
}

const char * const *
xinzhi_synth_rare_words (guint *n_words)
{
  *n_words = G_N_ELEMENTS (rare);
  return rare;
}
