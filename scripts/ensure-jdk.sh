# Sourced by ./standalone.sh, ./test.sh and .ci/run: makes a JDK 17 or newer available, installing
# Debian's openjdk-17-jdk-headless when there is none (as root, or through sudo). Maven needs nothing
# more: ./mvnw fetches it from Maven Central.
storeops_jdk_ok() {
  command -v javac >/dev/null 2>&1 || return 1
  local version
  version=$(javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')
  [ -n "$version" ] && [ "$version" -ge 17 ]
}
if ! storeops_jdk_ok; then
  for candidate in /usr/lib/jvm/java-17-openjdk-*/bin; do
    [ -x "$candidate/javac" ] && export PATH="$candidate:$PATH" && break
  done
fi
if ! storeops_jdk_ok; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
    echo "Installing a JDK 17 (openjdk-17-jdk-headless)..." >&2
    as_root=""; [ "$(id -u)" = 0 ] || as_root="sudo"
    DEBIAN_FRONTEND=noninteractive $as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
    for candidate in /usr/lib/jvm/java-17-openjdk-*/bin; do
      [ -x "$candidate/javac" ] && export PATH="$candidate:$PATH" && break
    done
  fi
fi
if ! storeops_jdk_ok; then
  echo "StoreOps needs a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless); none was found or installable." >&2
  exit 1
fi
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
export JAVA_HOME
