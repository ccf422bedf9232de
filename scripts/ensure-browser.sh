# Sourced by ./mvnw (POSIX sh) when it runs the tests: the console's browser tests drive Debian's
# chromium through its chromedriver, and Chinese pages need a CJK font to be readable in their
# screenshots. Installs what is missing (as root, or through sudo); elsewhere says what to install,
# and the browser tests name it again if they cannot start.
storeops_browser_missing=""
command -v chromium >/dev/null 2>&1 || storeops_browser_missing="$storeops_browser_missing chromium"
command -v chromedriver >/dev/null 2>&1 || storeops_browser_missing="$storeops_browser_missing chromium-driver"
[ -d /usr/share/fonts/opentype/noto ] || storeops_browser_missing="$storeops_browser_missing fonts-noto-cjk"
if [ -n "$storeops_browser_missing" ]; then
  . "$(dirname "$0")/scripts/apt-packages.sh"
  # shellcheck disable=SC2086 # one word per package
  storeops_apt_install "the console's browser tests" $storeops_browser_missing || true
fi
