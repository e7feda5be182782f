#!/bin/sh
# Installs the Debian 12 packages diplograph needs to build, test and run; does nothing when
# they are all there. Uses sudo only when not root.
set -eu
# zlib1g-dev: diplograph_viz writes PNG diagrams itself with zlib at level 1 (viz/src/png.cpp;
# Graphviz's own PNG writer spent most of a large diagram's time compressing). libpng-dev: the
# viz tests decode those PNG files with an independent decoder. (Both also come with
# libgraphviz-dev today, through libfreetype-dev, but that is not a promise.)
# clang and libclang-rt-14-dev: `make fuzz` builds the libFuzzer targets of fuzz/ with clang
# (libFuzzer and the sanitizer runtimes are in libclang-rt). util-linux: setpriv, with which
# the read-only store test runs the tool as "nobody" when the suite runs as root.
PACKAGES="build-essential cmake pkg-config git python3 python3-networkx
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz libsqlite3-dev sqlite3
  libicu-dev libcli11-dev libfmt-dev libgumbo-dev libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes clang-format libxml2-utils zlib1g-dev libpng-dev clang libclang-rt-14-dev util-linux"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
