#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzz.sh FUZZER WORKDIR [LIBFUZZER ARGS…] [SEED DIRS…]: runs a libFuzzer target with
# a fresh WORKDIR as its first corpus folder, so new inputs land there and never in the
# seed folders of the source tree.
set -eu
fuzzer=$1
workdir=$2
shift 2
rm -rf "$workdir"
mkdir -p "$workdir"
exec "$fuzzer" "$workdir" "$@"
