#!/bin/sh
# Installs the Debian 12 packages diplograph needs to build, test and run; does nothing when
# they are all there. Uses sudo only when not root.
set -eu
# zlib1g-dev: diplograph_viz writes PNG diagrams itself with zlib at level 1 (viz/src/png.cpp;
# Graphviz's own PNG writer spent most of a large diagram's time compressing). libpng-dev: the
# viz tests decode those PNG files with an independent decoder. (Both also come with
# libgraphviz-dev today, through libfreetype-dev, but that is not a promise.)
# libarchive-dev: the coded datasets (GDELT…) are read as streams from .gz and .zip files.
# python3-pandas: bench/import_gdelt.sh compares the GDELT import with read_csv + to_sql.
# python3-scipy: NetworkX's pagerank, the baseline of bench/queries_vs_networkx.sh and
# bench/scale_gdelt.sh, needs it (without it that baseline fails).
# libcpp-httplib-dev: the HTTP server of `diplograph serve` (server/). chromium: its browser test
# (tests/web/, driven by puppeteer-core without any browser download). nodejs and npm: the
# build's `npm ci` of web/ (Cytoscape.js, fCoSE, puppeteer-core), only when no node and npm are
# installed already (another Node.js, such as NodeSource's, brings its own npm).
# clang and libclang-rt-14-dev: `make fuzz` builds the libFuzzer targets of fuzz/ with clang
# (libFuzzer and the sanitizer runtimes are in libclang-rt). util-linux: setpriv, with which
# the read-only store test runs the tool as "nobody" when the suite runs as root.
PACKAGES="build-essential cmake pkg-config git python3 python3-networkx
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz libsqlite3-dev sqlite3
  libicu-dev libcli11-dev libfmt-dev libgumbo-dev libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes clang-format libxml2-utils zlib1g-dev libpng-dev libarchive-dev python3-pandas python3-scipy
  libcpp-httplib-dev chromium clang libclang-rt-14-dev util-linux"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
