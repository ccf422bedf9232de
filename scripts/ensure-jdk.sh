# Sourced by ./mvnw and ./standalone.sh (POSIX sh): makes a JDK 17 or newer available, installing
# Debian's openjdk-17-jdk-headless when there is none (as root, or through sudo). A JAVA_HOME that
# already names a JDK 17+ is kept. Maven needs nothing more: ./mvnw fetches it from Maven Central.
storeops_jdk_ok() { # [javac]: whether that javac (else the one on PATH) is 17 or newer
  command -v "${1:-javac}" >/dev/null 2>&1 || return 1
  storeops_javac_version=$("${1:-javac}" -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')
  [ -n "$storeops_javac_version" ] && [ "$storeops_javac_version" -ge 17 ]
}
storeops_debian_jdk17() {
  for candidate in /usr/lib/jvm/java-17-openjdk-*/bin; do
    [ -x "$candidate/javac" ] && PATH="$candidate:$PATH" && export PATH && return 0
  done
  return 1
}
if [ -n "${JAVA_HOME:-}" ] && storeops_jdk_ok "$JAVA_HOME/bin/javac"; then
  :
else
  storeops_jdk_ok || storeops_debian_jdk17 || true
  if ! storeops_jdk_ok; then
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
      echo "Installing a JDK 17 (openjdk-17-jdk-headless)..." >&2
      storeops_as_root=""; [ "$(id -u)" = 0 ] || storeops_as_root="sudo"
      DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive $storeops_as_root apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless >&2
      storeops_debian_jdk17 || true
    fi
  fi
  if ! storeops_jdk_ok; then
    echo "StoreOps needs a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless); none was found or installable." >&2
    exit 1
  fi
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  export JAVA_HOME
fi
