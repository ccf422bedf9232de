# Sourced by scripts/ensure-*.sh and deploy/image/runtime.sh (POSIX sh): installs Debian packages a
# fresh machine lacks, as root or through sudo; where neither is possible, says what to install.
# storeops_apt_install "<what they are for>" <package>... fails when the packages could not be installed.
storeops_apt_install() {
  storeops_apt_purpose="$1"
  shift
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
    echo "Installing for $storeops_apt_purpose: $*" >&2
    storeops_as_root=""; [ "$(id -u)" = 0 ] || storeops_as_root="sudo"
    DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get update -q >&2 \
      && DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get install -y -q --no-install-recommends "$@" >&2
  else
    echo "$storeops_apt_purpose need: $* (apt-get install them)." >&2
    return 1
  fi
}
