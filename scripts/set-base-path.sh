#!/usr/bin/env bash
# Points a built console at a sub-path without rebuilding: rewrites the one
# <base href> line of index.html. Usage: scripts/set-base-path.sh DIST /admin/clients/
set -euo pipefail
dist="${1:?usage: set-base-path.sh DIST BASE_PATH}"
base="${2:?usage: set-base-path.sh DIST BASE_PATH}"
case "$base" in /*) ;; *) base="/$base" ;; esac
case "$base" in */) ;; *) base="$base/" ;; esac
case "$base" in *[\"\<\>\ ]*) echo "set-base-path.sh: bad base path: $base" >&2; exit 2 ;; esac
index="$dist/index.html"
grep -q '<base href="[^"]*" />' "$index" || { echo "set-base-path.sh: no <base href> in $index" >&2; exit 1; }
sed -i "s#<base href=\"[^\"]*\" />#<base href=\"$base\" />#" "$index"
echo "index.html now serves from $base"
