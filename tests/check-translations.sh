#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translations.sh SRCDIR XINZHI LOCALEDIR: every catalogue in po/ is valid
# (msgfmt --check) and complete, with no untranslated and no fuzzy entry and every
# message the sources hold today (a template made here from po/POTFILES.in); and the
# uninstalled app, pointed at the catalogues of the build folder with XINZHI_LOCALEDIR,
# speaks Simplified Chinese.  TAP output.

set -u

srcdir=$1
xinzhi=$2
localedir=$3
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $*"
}

not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $*"
}

# The messages of the sources as they are now: a catalogue made from an older template
# would pass the checks below and still leave new strings in English.
pot=$(mktemp)
trap 'rm -f "$pot" "$pot.mo"' EXIT
if xgettext --directory="$srcdir" --files-from="$srcdir/po/POTFILES.in" --from-code=UTF-8 \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext:1,2 \
     --keyword=g_dngettext:2,3 --output="$pot" 2>"$pot.err"; then
  ok "a template from po/POTFILES.in ($(grep -c '^msgid ' "$pot") messages)"
else
  not_ok "a template from po/POTFILES.in"
  sed 's/^/# /' "$pot.err"
fi
rm -f "$pot.err"

for po in "$srcdir"/po/*.po; do
  lang=$(basename "$po" .po)

  # Into a file of our own: in the Flatpak build sandbox msgfmt cannot write to
  # /dev/null ("Device or resource busy").
  if stats=$(LC_ALL=C msgfmt --check --statistics -o "$pot.mo" "$po" 2>&1); then
    ok "$lang: msgfmt --check ($stats)"
  else
    not_ok "$lang: msgfmt --check"
    printf '%s\n' "$stats" | sed 's/^/# /'
  fi

  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry with the others; it is not a message.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  if [ "$untranslated" -eq 0 ]; then
    ok "$lang: no untranslated message"
  else
    not_ok "$lang: $untranslated untranslated messages"
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep '^msgid ' | tail -n +2 | sed 's/^/# /'
  fi
  if missing=$(LC_ALL=C msgcmp "$po" "$pot" 2>&1); then
    ok "$lang: has every message of the sources"
  else
    not_ok "$lang: lacks messages of the sources (update it from the template)"
    printf '%s\n' "$missing" | sed 's/^/# /'
  fi
  if [ "$fuzzy" -eq 0 ]; then
    ok "$lang: no fuzzy message"
  else
    not_ok "$lang: $fuzzy fuzzy messages"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep '^msgid ' | tail -n +2 | sed 's/^/# /'
  fi
  # One rule for spacing in Chinese: no space between a number (digits, or a %u, %d,
  # %lld … that prints one) and a Chinese character, either way: “2023年9月”, “%u篇文章”.
  # Digits that end a Latin word (“UTF-8 文本”) are part of the word.
  case $lang in
    zh*)
      spaced=$(python3 - "$po" <<'PY'
import re, sys
han = "[\u3400-\u4dbf\u4e00-\u9fff]"
num = r"(?<![A-Za-z0-9-])(?:\d+|%(?:\d+\$)?'?l{0,2}[ud])"
spaced = re.compile(r"%s +%s|%s +%s" % (num, han, han, num))
msgstr = False
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("msgstr"):
        msgstr = True
    elif not line.startswith('"'):
        msgstr = False
    if msgstr and spaced.search(line) and "Project-Id-Version" not in line:
        print(line.strip())
PY
)
      if [ -z "$spaced" ]; then
        ok "$lang: no space between a number and a Chinese character"
      else
        not_ok "$lang: a space between a number and a Chinese character"
        printf '%s\n' "$spaced" | sed 's/^/# /'
      fi
      ;;
  esac
done

# The real binary, uninstalled, finds the catalogue through XINZHI_LOCALEDIR.
if ! LC_ALL=zh_CN.UTF-8 locale charmap >/dev/null 2>&1 ||
   [ "$(LC_ALL=zh_CN.UTF-8 locale charmap 2>/dev/null)" != UTF-8 ]; then
  n=$((n + 1))
  echo "ok $n # SKIP the zh_CN.UTF-8 locale is not generated"
else
  help=$(XINZHI_LOCALEDIR=$localedir LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
         "$xinzhi" --help 2>&1)
  case $help in
    *"打开 FILE 中的语料库"*) ok "zh_CN: xinzhi --help is in Chinese" ;;
    *) not_ok "zh_CN: xinzhi --help is in Chinese"; printf '%s\n' "$help" | sed 's/^/# /' ;;
  esac
fi

echo "1..$n"
exit "$failed"
