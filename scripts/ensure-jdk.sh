# Sourced by ./standalone.sh, ./test.sh and .ci/run: makes a JDK 17 available, installing Debian's
# openjdk-17-jdk-headless when it is missing (as root, or through sudo). Maven needs nothing more:
# ./mvnw fetches it from Maven Central.
if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -q ' 17\.'; then
  if [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/javac ]; then
    :
  elif command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }; then
    echo "Installing a JDK 17 (openjdk-17-jdk-headless)..." >&2
    as_root=""; [ "$(id -u)" = 0 ] || as_root="sudo"
    DEBIAN_FRONTEND=noninteractive $as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
  else
    echo "StoreOps needs a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless); none was found or installable." >&2
    exit 1
  fi
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
