# Shared by the entry scripts: install the Debian packages a step needs when
# a command or header is missing.  Usage: ovo_need_packages pkg...
ovo_need_packages() {
    missing=""
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $pkg"
        fi
    done
    [ -z "$missing" ] && return 0
    echo "installing Debian packages:$missing" >&2
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
}

# The packages every build needs.
OVO_BUILD_PACKAGES="cmake make gcc g++ clang llvm pkg-config libjansson-dev uuid-dev libclang-rt-14-dev afl++ zip unzip file binutils"
