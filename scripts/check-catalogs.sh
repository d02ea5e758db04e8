#!/usr/bin/env bash
# Validates the translation catalogs with two independent tools: GNU gettext (msgfmt --check) and the real Lingui
# CLI (lingui compile). Usage: scripts/check-catalogs.sh [--strict] [CATALOG_ROOT]
#   CATALOG_ROOT  folder with one sub-folder per locale, each holding messages.po
#                 (default: crm-core/src/main/resources/i18n/locales)
#   --strict      also fail when a locale (other than the generated pseudo locale) lacks a translation
# A message Lingui cannot compile (bad ICU syntax) fails either way.
# Needs msgfmt (apt-get install gettext) and Node.js 18+ with npm (fetches @lingui/cli, see scripts/lingui/).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
strict=""
root=""
for arg in "$@"; do
  case "$arg" in
    --strict) strict="--strict" ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-catalogs: unknown option $arg" >&2; exit 2 ;;
    *) root="$arg" ;;
  esac
done
root="${root:-$here/../crm-core/src/main/resources/i18n/locales}"

fail() { echo "check-catalogs: FAILED: $*" >&2; exit 1; }

[ -d "$root" ] || fail "no catalog folder at $root"
root="$(cd "$root" && pwd)"
shopt -s nullglob
catalogs=("$root"/*/messages.po)
[ ${#catalogs[@]} -gt 0 ] || fail "no <locale>/messages.po under $root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v msgfmt >/dev/null || fail "msgfmt not found; install GNU gettext (apt-get install gettext)"
for po in "${catalogs[@]}"; do
  locale="$(basename "$(dirname "$po")")"
  # Lingui writes no Project-Id-Version, Last-Translator, ...: those header warnings are noise, the rest is shown
  if ! msgfmt --check --output-file=/dev/null "$po" 2>"$work/msgfmt.log"; then
    cat "$work/msgfmt.log" >&2
    fail "msgfmt --check rejects the $locale catalog ($po)"
  fi
  grep -v "warning: header field '.*' missing in header" "$work/msgfmt.log" >&2 || true
  echo "msgfmt --check: $locale ok"
done

command -v npm >/dev/null || fail "npm not found; install Node.js 18 or newer"
# Lingui writes compiled catalogs beside the .po files: compile a copy, never the sources
mkdir "$work/catalogs"
for po in "${catalogs[@]}"; do
  locale="$(basename "$(dirname "$po")")"
  mkdir "$work/catalogs/$locale"
  cp "$po" "$work/catalogs/$locale/messages.po"
done
cp "$here/lingui/package.json" "$here/lingui/lingui.config.js" "$here/lingui/compile.js" "$work/"
if ! (cd "$work" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >"$work/npm.log" 2>&1); then
  cat "$work/npm.log" >&2
  fail "npm could not install @lingui/cli (is the npm registry reachable?)"
fi
# --strict: the CLI itself; otherwise its compile command with missing translations allowed, bad messages not
if [ -n "$strict" ]; then
  compile=(npx --no-install lingui compile --strict)
else
  compile=(node compile.js)
fi
if ! (cd "$work" && CRM_LINGUI_CATALOGS="$work/catalogs" "${compile[@]}"); then
  fail "lingui compile${strict:+ --strict} rejects the catalogs under $root"
fi
echo "check-catalogs: ${#catalogs[@]} catalogs valid for msgfmt and Lingui${strict:+ (complete: --strict)}"
