#!/usr/bin/env bash
# The runtime every StoreOps image starts from (the services' and the console's, built by Jib in
# each module's `package`). No container registry is reachable from the build, so nothing is
# pulled: the runtime is assembled from this Debian machine's own packages and written as a
# `docker save` tarball that Jib reads as <from><image>tar://.../runtime.tar</image></from>:
#   /opt/java      a jlinked Java 17 (Debian's openjdk-17-jdk-headless) with the modules below
#   /usr/lib/...   the shared libraries it loads: what ldd lists, fontconfig (loaded by name), the
#                  whole C library and its C.utf8 locale
#   /usr/share/fonts  DejaVu, which Java 2D needs through fontconfig before it draws any text
#   /etc           a non-root user storeops (65532), nsswitch, fontconfig, Debian's os-release
#   /var/lib/dpkg/status.d, /usr/share/doc/*/copyright  which Debian packages the files come from
#                  (read by image scanners) and their licences
# and, in the image configuration, the package versions, the Git revision and source as labels.
#
# Usage: runtime.sh <output directory>. Every module that builds an image calls it (modules build in
# parallel), so it holds a lock and does the work once: the layer is rebuilt only when a content
# hash of its inputs (this script, rootfs/, the installed packages' versions, the CA store) changes,
# and the tarball only when the layer or a label changed.
set -euo pipefail
umask 022

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:?usage: runtime.sh <output directory>}
mkdir -p "$out"
out=$(cd "$out" && pwd)
exec 9>"$out/.lock"
flock 9

# Headless Java with what Spring Boot (WebFlux, Kafka, Mongo), thumbnails, PDFs and charts use
# (jdeps over the services' jars), plus what is only looked up by name at run time: EC for TLS,
# the CLDR locales (zh-CN dates), the rarer charsets (ISO-2022-CN), zipfs, DNS for mongodb+srv, the
# socket options Netty asks for, JFR over JMX, Kerberos for SASL/GSSAPI, and jcmd for operators.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.transaction.xa,java.xml,java.xml.crypto
modules+=,jdk.charsets,jdk.crypto.ec,jdk.jcmd,jdk.jfr,jdk.localedata,jdk.management,jdk.management.jfr
modules+=,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs
# The AWT parts that need a display or a sound card (and X11 and ALSA with them).
excluded='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so'
fonts_package=fonts-dejavu-core

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "The images' runtime is made of Debian packages, and this machine has no dpkg: build without images (-Djib.skip=true)." >&2
  exit 1
fi
arch=$(dpkg --print-architecture)
jdk=/usr/lib/jvm/java-17-openjdk-$arch
required="openjdk-17-jdk-headless libfontconfig1 $fonts_package ca-certificates-java"
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }
missing=""
for package in $required; do installed "$package" || missing="$missing $package"; done
if [ -n "$missing" ]; then
  . "$here/../../scripts/apt-packages.sh"
  # shellcheck disable=SC2086 # one word per package
  storeops_apt_install "the images' runtime (or build without images: -Djib.skip=true)" $missing || exit 1
fi

hash=$(
  {
    sha256sum "$0"
    (cd "$here/rootfs" && find . -type f | LC_ALL=C sort | xargs sha256sum)
    dpkg-query -W -f='${Package}:${Architecture}=${Version}\n'
    sha256sum "$(readlink -f "$jdk/lib/security/cacerts")"
  } | sha256sum | cut -d' ' -f1
)
parts=$out/parts
work="" staging=""
trap '[ -z "$work" ] || rm -rf "$work"; [ -z "$staging" ] || rm -rf "$staging"' EXIT
if [ "$(cat "$parts/hash" 2>/dev/null)" != "$hash" ]; then
  rm -rf "$parts" "$out"/work.*
  work=$(mktemp -d "$out/work.XXXXXX")
  root=$work/rootfs
  mkdir -p "$root"

  "$jdk/bin/jlink" -J-XX:TieredStopAtLevel=1 --add-modules "$modules" --exclude-files="$excluded" \
    --strip-debug --no-header-files --no-man-pages --output "$root/opt/java"
  # Debian's own CA store (ca-certificates-java), which the JDK's lib/security/cacerts links to.
  cp -L "$jdk/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"

  # The shared libraries: everything the runtime's binaries link; fontconfig, which Java 2D loads by
  # name; the whole C library, not only what the JDK links, because the native code the services'
  # dependencies unpack (Netty's epoll transport, Kafka's compression codecs) was built against an
  # older glibc and links libdl, libpthread and librt; all of them with what they link in turn (ldd
  # lists the whole closure).
  fontconfig=$(dpkg-query -L libfontconfig1 | grep '/libfontconfig\.so\.1$')
  glibc=$(dpkg-query -L libc6 | grep -E '^(/usr)?/lib/[^/]+/lib[^/]+\.so\.[0-9]+$')
  for elf in $(find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \)) "$fontconfig" $glibc; do
    ldd "$elf" || true # "not a dynamic executable"
  done >"$work/ldd" 2>/dev/null
  libraries=" $fontconfig $glibc"
  while read -r name arrow path _; do
    if [ "$arrow" = "=>" ] && [ "$path" = "not" ]; then
      # Only the runtime's own libraries (libjvm.so) are found through the runtime itself.
      if [ -z "$(find "$root/opt/java/lib" -name "$name" -print -quit)" ]; then
        echo "The runtime needs $name, which is nowhere on this machine." >&2
        exit 1
      fi
    elif [ "$arrow" = "=>" ] && [ "${path#/}" != "$path" ] && [ "${path#"$root"/}" = "$path" ]; then
      libraries+=" $path"
    elif [ "${name#/}" != "$name" ]; then
      libraries+=" $name" # the dynamic loader
    fi
  done <"$work/ldd"
  libraries=$(echo "$libraries" | tr ' ' '\n' | grep -v '^$' | LC_ALL=C sort -u)
  # Which package installed each: dpkg knows some through /lib, others through /usr/lib or by the
  # link's target; one query for all (each costs a scan of dpkg's database).
  variants() {
    local real
    real=$(readlink -f "$1")
    printf '%s\n' "/usr${1#/usr}" "${1#/usr}" "/usr${real#/usr}" "${real#/usr}"
  }
  owners=$(for library in $libraries; do variants "$library"; done | LC_ALL=C sort -u | xargs dpkg-query -S 2>/dev/null || true)
  packages=$(dpkg-query -S "$jdk/jmods/java.base.jmod" | cut -d: -f1)
  packages+=" ca-certificates ca-certificates-java base-files $fonts_package"
  for library in $libraries; do
    owner=""
    for variant in $(variants "$library"); do
      owner=$(echo "$owners" | awk -F': ' -v path="$variant" '$2 == path && $1 !~ /^diversion/ { print $1; exit }')
      [ -z "$owner" ] || break
    done
    owner=${owner%%:*}
    if [ -z "$owner" ]; then
      echo "$library belongs to no Debian package; the runtime takes only packaged libraries." >&2
      exit 1
    fi
    packages+=" $owner"
    # Merged /usr as in Debian 12: the files under /usr/lib, /lib and /lib64 link to it.
    target=$root/usr/${library#/usr/}
    mkdir -p "$(dirname "$target")"
    cp -L "$library" "$target"
  done
  ln -s usr/lib "$root/lib"
  [ ! -d "$root/usr/lib64" ] || ln -s usr/lib64 "$root/lib64"

  package_files() { # the files of package $1 whose names match $2
    dpkg-query -L "$1" | grep -E "$2" | while read -r file; do
      if [ -f "$file" ]; then
        mkdir -p "$root$(dirname "$file")"
        cp -L "$file" "$root$file"
      fi
    done
  }
  package_files "$fonts_package" '\.ttf$'
  # LANG=C.UTF-8 (UTF-8 file names, Java's default charset) needs glibc's compiled C.utf8 locale.
  package_files libc-bin '^/usr/lib/locale/C\.utf8/'
  packages+=" libc-bin"
  cp -R "$here/rootfs/." "$root/"
  cp -L /etc/os-release "$root/etc/os-release" # scanners match the packages against Debian's advisories
  mkdir -p "$root/tmp" "$root/home/storeops" "$root/var/lib/dpkg/status.d"
  packages=$(echo "$packages" | tr ' ' '\n' | grep -v '^$' | LC_ALL=C sort -u)
  for package in $packages; do
    dpkg-query -W -f='Package: ${Package}\nStatus: ${Status}\nArchitecture: ${Architecture}\nSource: ${source:Package} (${source:Version})\nVersion: ${Version}\n' \
      "$package" >"$root/var/lib/dpkg/status.d/$package"
    if [ -f "/usr/share/doc/$package/copyright" ]; then
      mkdir -p "$root/usr/share/doc/$package"
      cp -L "/usr/share/doc/$package/copyright" "$root/usr/share/doc/$package/copyright"
    fi
  done
  chmod -R go-w "$root"
  chmod 1777 "$root/tmp"

  # Reproducible: names sorted, one timestamp, numeric owners (root, the home storeops').
  mkdir -p "$work/parts"
  tarred() { tar --format=gnu --sort=name --mtime=@0 --numeric-owner -C "$root" "$@"; }
  tarred --owner=0 --group=0 --exclude=./home/storeops -cf "$work/parts/layer.tar" .
  tarred --owner=65532 --group=65532 -rf "$work/parts/layer.tar" ./home/storeops
  echo "sha256:$(sha256sum "$work/parts/layer.tar" | cut -d' ' -f1)" >"$work/parts/diff-id"
  gzip -n -6 "$work/parts/layer.tar"
  for package in $packages; do
    printf '%s=%s\n' "$package" "$(dpkg-query -W -f='${Version}' "$package")"
  done >"$work/parts/packages"
  sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release" >"$work/parts/java-version"
  echo "$hash" >"$work/parts/hash"
  mv "$work/parts" "$parts"
fi

json() { # a JSON string: the values here are versions, a commit and a URL, so quotes and backslashes suffice
  local value=${1//\\/\\\\}
  printf '"%s"' "${value//\"/\\\"}"
}
labels="$(json io.storeops.image.runtime.java):$(json "$(cat "$parts/java-version")")"
labels+=",$(json io.storeops.image.runtime.packages):$(json "$(tr '\n' ' ' <"$parts/packages" | sed 's/ $//')")"
if revision=$(git -C "$repo" rev-parse --verify -q HEAD 2>/dev/null); then
  labels+=",$(json org.opencontainers.image.revision):$(json "$revision")"
fi
if origin=$(git -C "$repo" remote get-url origin 2>/dev/null); then
  # A URL a browser opens, never with the credentials a CI checkout may carry in it.
  case $origin in
    http://* | https://*) source=$(echo "$origin" | sed -E 's#^(https?://)[^/@]*@#\1#; s#\.git$##') ;;
    *@*:*) source=$(echo "$origin" | sed -E 's#^[^@]*@([^:]*):#https://\1/#; s#\.git$##') ;;
    *) source="" ;;
  esac
  [ -z "$source" ] || labels+=",$(json org.opencontainers.image.source):$(json "$source")"
fi
diff_id=$(cat "$parts/diff-id")
created=1970-01-01T00:00:00Z
cat >"$out/config.json.new" <<EOF
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"User":"65532:65532","WorkingDir":"/home/storeops",
  "Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{$labels}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/image/runtime.sh"}]}
EOF
if [ -f "$out/runtime.tar" ] && cmp -s "$out/config.json.new" "$out/config.json"; then
  rm "$out/config.json.new"
  exit 0
fi
# Replaced by a rename: a module's Jib may be reading the tarball the next one's call replaces.
staging=$(mktemp -d "$out/work.XXXXXX")
cp "$out/config.json.new" "$staging/config.json"
ln "$parts/layer.tar.gz" "$staging/layer.tar.gz" 2>/dev/null || cp "$parts/layer.tar.gz" "$staging/layer.tar.gz"
echo '[{"Config":"config.json","RepoTags":["storeops/runtime:local"],"Layers":["layer.tar.gz"]}]' >"$staging/manifest.json"
tar --format=gnu --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$staging" \
  -cf "$staging/runtime.tar" manifest.json config.json layer.tar.gz
mv "$staging/runtime.tar" "$out/runtime.tar"
mv "$out/config.json.new" "$out/config.json"
