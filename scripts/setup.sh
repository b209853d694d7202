#!/usr/bin/env bash
# Installs what allvet needs from Debian's packages when it is missing:
# libglpk-dev (the GLPK library and header), glpk-utils (glpsol, used by
# the tests that cross-check exported models), zlib1g-dev (ZIPFoundation
# inflates and deflates workbooks with zlib) and libxml2 (Foundation's
# XMLParser, which reads a workbook's parts). Safe to run again.
set -euo pipefail
missing=()
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
ldconfig -p 2>/dev/null | grep -q 'libxml2\.so\.2' || missing+=(libxml2)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
