#!/usr/bin/env bash
# Points a built console at a sub-path without rebuilding: rewrites the one
# <base href> line of index.html. Usage: scripts/set-base-path.sh DIST /admin/clients/
#
# The base path follows the one base-path rule, whose source of truth is
# crates/nexus-domain/src/base_path.rs (BasePath::parse; the stand-in's
# --base-path and the console's basePath use it). This script cannot call
# Rust, so it applies the same rule here, and
# crates/nexus-devserver/tests/set_base_path.rs checks that both agree:
#   only ASCII letters, digits, '-', '.', '_', '~', and '/' between segments;
#   no empty segment ('//', so '//host' is refused), no '.' or '..' segment;
#   '/' added at both ends when missing ('' is '/').
set -euo pipefail
# ASCII ranges in the patterns below, whatever the caller's locale.
LC_ALL=C
dist="${1:?usage: set-base-path.sh DIST BASE_PATH}"
base="${2?usage: set-base-path.sh DIST BASE_PATH}"

refuse() {
  echo "set-base-path.sh: bad base path '$base': $1 (the rule: crates/nexus-domain/src/base_path.rs)" >&2
  exit 2
}

allowed='^[A-Za-z0-9._~/-]*$'
if ! [[ "$base" =~ $allowed ]]; then
  before="${base%%[!A-Za-z0-9._~/-]*}"
  ch="${base:${#before}:1}"
  case "$ch" in
    ' ') shown="a space" ;;
    [[:print:]]) shown="'$ch'" ;;
    *) shown="the byte $(printf '0x%02X' "'$ch")" ;;
  esac
  refuse "it contains $shown at position $((${#before} + 1)); only ASCII letters, digits, '-', '.', '_', '~' and '/' between segments are allowed"
fi
case "$base" in *//*) refuse "it contains '//' (an empty segment); separate segments with one '/'" ;; esac
dots='(^|/)(\.\.?)(/|$)'
if [[ "$base" =~ $dots ]]; then
  refuse "it contains a '${BASH_REMATCH[2]}' segment; name the directories instead"
fi
case "$base" in /*) ;; *) base="/$base" ;; esac
case "$base" in */) ;; *) base="$base/" ;; esac

index="$dist/index.html"
grep -q '<base href="[^"]*" />' "$index" || { echo "set-base-path.sh: no <base href> in $index" >&2; exit 1; }
sed -i "s#<base href=\"[^\"]*\" />#<base href=\"$base\" />#" "$index"
echo "index.html now serves from $base"
