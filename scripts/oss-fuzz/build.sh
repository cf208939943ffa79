#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script for ovofuzz.
#
# Run by the base-builder's `compile` as `bash -eux $SRC/build.sh` with the
# OSS-Fuzz contract: $CC $CXX $CFLAGS $CXXFLAGS (sanitizer and coverage flags
# included) $LIB_FUZZING_ENGINE (-fsanitize=fuzzer, or a library such as
# libAFLDriver.a) $SRC $OUT $WORK, and $SANITIZER $FUZZING_ENGINE.
#
#   1. jansson and libuuid, built from source ($SRC/jansson, $SRC/util-linux,
#      fetched by the Dockerfile) with $CC $CFLAGS into $WORK/deps as static
#      libraries only; without the sources and with OVO_OSSFUZZ_SYSTEM_DEPS=1
#      (scripts/oss-fuzz/simulate, no network) Debian's static libjansson.a
#      and libuuid.a are used instead (not instrumented: not for MSan).
#   2. ovofuzz's CMake build with OVO_ENGINE chosen by $LIB_FUZZING_ENGINE
#      (harnesses/CMakeLists.txt): libovo and the harnesses compiled with
#      $CC $CFLAGS, linked with $CXX $CXXFLAGS $LIB_FUZZING_ENGINE.
#   3. $OUT/<target> for every harnesses/fuzz_<target>.c, with
#      <target>_seed_corpus.zip (corpus/seeds/<target>/, the regression
#      inputs and corpus/coverage/<target>/), <target>.dict and
#      <target>.options (dictionaries/).
# Nothing in $OUT refers to $OUT, $SRC or $WORK at run time.

: "${SRC:?}" "${OUT:?}" "${WORK:?}" "${CC:?}" "${CXX:?}"
: "${LIB_FUZZING_ENGINE:?LIB_FUZZING_ENGINE must be set (-fsanitize=fuzzer or a library)}"
CFLAGS=${CFLAGS:-}
CXXFLAGS=${CXXFLAGS:-}
SANITIZER=${SANITIZER:-address}

# The ovofuzz sources: this script's repository when it runs from a checkout
# (ClusterFuzzLite, the simulation), else $SRC/ovofuzz (OSS-Fuzz copies
# build.sh to $SRC/build.sh).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -f "$here/../../harnesses/CMakeLists.txt" ]; then
    project=$(cd "$here/../.." && pwd)
else
    project=${OVOFUZZ_SRC:-$SRC/ovofuzz}
fi
jobs=$(nproc 2>/dev/null || echo 2)
deps=$WORK/deps
mkdir -p "$deps/lib/pkgconfig" "$deps/include" "$OUT"

echo "== ovofuzz OSS-Fuzz build: sanitizer $SANITIZER, engine ${FUZZING_ENGINE:-?}, LIB_FUZZING_ENGINE=$LIB_FUZZING_ENGINE"
echo "   sources $project, CC=$CC CXX=$CXX"
echo "   CFLAGS=$CFLAGS"

# ---------------------------------------------------------------- 1. deps
build_jansson() {
    echo "== jansson from $SRC/jansson (static, \$CC \$CFLAGS)"
    cmake -S "$SRC/jansson" -B "$WORK/jansson-build" \
        -DCMAKE_BUILD_TYPE=None \
        -DCMAKE_C_COMPILER="$CC" \
        -DCMAKE_INSTALL_PREFIX="$deps" \
        -DJANSSON_BUILD_SHARED_LIBS=OFF \
        -DJANSSON_BUILD_DOCS=OFF \
        -DJANSSON_EXAMPLES=OFF \
        -DJANSSON_WITHOUT_TESTS=ON
    cmake --build "$WORK/jansson-build" --parallel "$jobs"
    cmake --install "$WORK/jansson-build"
}

build_libuuid() {
    echo "== libuuid from $SRC/util-linux (static, \$CC \$CFLAGS)"
    mkdir -p "$WORK/util-linux-build"
    (
        cd "$WORK/util-linux-build"
        [ -x "$SRC/util-linux/configure" ] || (cd "$SRC/util-linux" && ./autogen.sh)
        "$SRC/util-linux/configure" --prefix="$deps" \
            --disable-all-programs --enable-libuuid \
            --disable-shared --enable-static \
            --disable-nls --disable-bash-completion --disable-asciidoc \
            --without-python --without-systemd --without-udev \
            --without-readline --without-ncurses --without-tinfo
        make -j"$jobs"
        make install
    )
}

# Debian's static libraries under a prefix that holds nothing else, so the
# link cannot pick a shared libjansson.so or libuuid.so.
system_deps() {
    echo "== jansson and libuuid: Debian's static libraries (OVO_OSSFUZZ_SYSTEM_DEPS=1)"
    if [ "$SANITIZER" = memory ]; then
        echo "error: MSan needs jansson and libuuid built from source (\$SRC/jansson, \$SRC/util-linux)" >&2
        exit 1
    fi
    libdir=$(pkg-config --variable=libdir jansson)
    incdir=$(pkg-config --variable=includedir jansson)
    uuid_libdir=$(pkg-config --variable=libdir uuid)
    uuid_incdir=$(pkg-config --variable=includedir uuid)
    cp "$libdir/libjansson.a" "$uuid_libdir/libuuid.a" "$deps/lib/"
    cp "$incdir/jansson.h" "$incdir/jansson_config.h" "$deps/include/"
    mkdir -p "$deps/include/uuid"
    cp "$uuid_incdir/uuid/uuid.h" "$deps/include/uuid/"
    cat >"$deps/lib/pkgconfig/jansson.pc" <<EOF
prefix=$deps
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: Jansson
Description: Library for encoding, decoding and manipulating JSON data
Version: $(pkg-config --modversion jansson)
Libs: -L\${libdir} -ljansson
Cflags: -I\${includedir}
EOF
    cat >"$deps/lib/pkgconfig/uuid.pc" <<EOF
prefix=$deps
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: uuid
Description: Universally unique id library
Version: $(pkg-config --modversion uuid)
Libs: -L\${libdir} -luuid
Cflags: -I\${includedir}/uuid
EOF
}

if [ -d "$SRC/jansson" ] && [ -d "$SRC/util-linux" ]; then
    build_jansson
    build_libuuid
elif [ "${OVO_OSSFUZZ_SYSTEM_DEPS:-0}" = 1 ]; then
    system_deps
else
    echo "error: \$SRC/jansson and \$SRC/util-linux are missing (see scripts/oss-fuzz/Dockerfile);" \
         "set OVO_OSSFUZZ_SYSTEM_DEPS=1 to link Debian's static libraries instead" >&2
    exit 1
fi
# only our static dependencies are visible to pkg-config
export PKG_CONFIG_LIBDIR="$deps/lib/pkgconfig:$deps/lib64/pkgconfig"
unset PKG_CONFIG_PATH
for f in "$deps"/lib*/libjansson.a "$deps"/lib*/libuuid.a; do
    [ -f "$f" ] || { echo "error: $f missing after the dependency build" >&2; exit 1; }
done
if ls "$deps"/lib*/lib*.so* >/dev/null 2>&1; then
    echo "error: shared libraries in $deps: the fuzzers must link statically" >&2
    exit 1
fi

# ---------------------------------------------------------------- 2. ovofuzz
echo "== ovofuzz: configure and build the fuzz targets"
# uuid.pc says -I<prefix>/include/uuid; <uuid/uuid.h> needs the prefix itself
export CFLAGS="$CFLAGS -I$deps/include"
build=$WORK/ovofuzz-build
cmake -S "$project" -B "$build" \
    -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_C_COMPILER="$CC" \
    -DCMAKE_CXX_COMPILER="$CXX" \
    -DLIB_FUZZING_ENGINE="$LIB_FUZZING_ENGINE" \
    -DOVO_BUILD_TESTS=OFF \
    -DOVO_BUILD_TOOLS=OFF
cmake --build "$build" --parallel "$jobs" --target ovo_fuzzers

# ---------------------------------------------------------------- 3. $OUT
echo "== install into \$OUT"
manifest=$build/harnesses/fuzz-targets.txt
[ -s "$manifest" ] || { echo "error: no fuzz targets (harnesses/fuzz_*.c)" >&2; exit 1; }
stage=$WORK/seed-stage
n=0
while IFS=$'\t' read -r target binary; do
    cp "$binary" "$OUT/$target"
    rm -rf "$stage"
    mkdir -p "$stage"
    for d in "$project/corpus/seeds/$target" "$project/corpus/coverage/$target"; do
        if [ -d "$d" ]; then
            find "$d" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$stage/" \;
        fi
    done
    if [ -d "$project/corpus/regressions/$target/inputs" ]; then
        for f in "$project/corpus/regressions/$target/inputs"/*; do
            [ -f "$f" ] && cp "$f" "$stage/regression-${f##*/}"
        done
    fi
    rm -f "$OUT/${target}_seed_corpus.zip"
    if [ -n "$(ls -A "$stage")" ]; then
        (cd "$stage" && zip -q -X -r "$OUT/${target}_seed_corpus.zip" .)
    fi
    for ext in dict options; do
        if [ -f "$project/dictionaries/$target.$ext" ]; then
            cp "$project/dictionaries/$target.$ext" "$OUT/$target.$ext"
        fi
    done
    echo "   $target: $(ls "$stage" | wc -l) seeds$([ -f "$OUT/$target.dict" ] && echo ", dict")$([ -f "$OUT/$target.options" ] && echo ", options")"
    n=$((n + 1))
done <"$manifest"
rm -rf "$stage"
echo "== $n fuzz targets in \$OUT"
