#!/bin/bash -eu
# ClusterFuzzLite build: the same script as OSS-Fuzz's (scripts/oss-fuzz/build.sh).
exec bash -eux "$SRC/ovofuzz/scripts/oss-fuzz/build.sh"
