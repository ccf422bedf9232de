# Sourced by ./mvnw (POSIX sh) when it runs the tests: the console's browser tests drive Debian's
# chromium through its chromedriver, and Chinese pages need a CJK font to be readable in their
# screenshots. Installs what is missing (as root, or through sudo); elsewhere says what to install,
# and the browser tests name it again if they cannot start.
storeops_browser_missing=""
command -v chromium >/dev/null 2>&1 || storeops_browser_missing="$storeops_browser_missing chromium"
command -v chromedriver >/dev/null 2>&1 || storeops_browser_missing="$storeops_browser_missing chromium-driver"
[ -d /usr/share/fonts/opentype/noto ] || storeops_browser_missing="$storeops_browser_missing fonts-noto-cjk"
if [ -n "$storeops_browser_missing" ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
    echo "Installing for the console's browser tests:$storeops_browser_missing" >&2
    storeops_as_root=""; [ "$(id -u)" = 0 ] || storeops_as_root="sudo"
    DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get update -q >&2
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get install -y -q --no-install-recommends $storeops_browser_missing >&2
  else
    echo "The console's browser tests need:$storeops_browser_missing (apt-get install them)." >&2
  fi
fi
