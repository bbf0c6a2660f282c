#!/bin/bash
# Builds the local stand-ins for the official images that cannot be pulled on a machine whose only reachable
# registries are the package registries (CI here): a Debian base (debootstrap minbase) with a jlink'ed JRE of the
# build's JDK, and Kafka, PostgreSQL and Apicurio images on it that honour the env/volume contract
# docker-compose.yml uses with the official images. The base rootfs is cached by content hash under
# ~/.cache/orderflow (outside the clone), so CI debootstraps once; images are rebuilt only when missing.
# Prints the variables to export (ORDERFLOW_*_IMAGE, ORDERFLOW_BASE_IMAGE).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="${ORDERFLOW_CACHE_DIR:-$HOME/.cache/orderflow}/standins"
BINARIES="$ROOT/local-infra-binaries/target"
JAVA_HOME="${JAVA_HOME:?JAVA_HOME must name the JDK >= 21 the build uses}"
mkdir -p "$CACHE"
log() { echo "standins: $*" >&2; }

suite=bookworm
mirror="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
[[ -n "$mirror" ]] || mirror="$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list)"
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.unsupported,java.xml,java.desktop,jdk.crypto.ec,java.instrument,jdk.management,jdk.management.agent,java.compiler,java.scripting,jdk.zipfs,jdk.net,java.rmi,java.security.sasl,jdk.security.auth,jdk.localedata,jdk.charsets,jdk.httpserver
java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
tag="$(printf '%s\n' "$suite" "$modules" "$java_version" "$(cat "$HERE"/*.sh "$HERE"/*.Dockerfile)" "$(ls "$BINARIES/kafka-libs")" | sha256sum | cut -c1-12)"

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

base="orderflow-standin/base:$tag"
if ! image_exists "$base"; then
  rootfs_tar="$CACHE/rootfs-$suite-$(printf '%s' "$suite" | sha256sum | cut -c1-12).tar"
  if [[ ! -f "$rootfs_tar" ]]; then
    log "debootstrap $suite (once; cached at $rootfs_tar)"
    dir="$(mktemp -d)"
    debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$CACHE/debootstrap.log" 2>&1
    tar -C "$dir" -cf "$rootfs_tar.tmp" . && mv "$rootfs_tar.tmp" "$rootfs_tar"
    rm -rf "$dir"
  fi
  jre="$CACHE/jre-$tag"
  if [[ ! -d "$jre" ]]; then
    log "jlink a JRE from $JAVA_HOME"
    "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$jre.tmp"
    mv "$jre.tmp" "$jre"
  fi
  log "import the base and add the JRE"
  docker import "$rootfs_tar" "orderflow-standin/rootfs:$tag" >/dev/null
  ctx="$(mktemp -d)"
  cp -a "$jre" "$ctx/jre"
  printf 'FROM orderflow-standin/rootfs:%s\nCOPY jre /opt/java/openjdk\nENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8\n' "$tag" > "$ctx/Dockerfile"
  docker build -q -t "$base" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

build() { # name, dockerfile, context
  local name="orderflow-standin/$1:$tag"
  if ! image_exists "$name"; then
    log "build $name"
    docker build -q --build-arg "BASE_IMAGE=$base" -t "$name" -f "$2" "$3" >/dev/null
  fi
  echo "$name"
}

ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/kafka"
cp -a "$BINARIES/kafka-libs" "$ctx/kafka/libs"
cp "$HERE/kafka-run.sh" "$HERE/kafka-tool.sh" "$ctx/kafka/"
cp "$ROOT/local-infra/src/main/resources/dev/orderflow/infra/kafka/log4j2.properties" "$ctx/kafka/"
kafka="$(build kafka "$HERE/kafka.Dockerfile" "$ctx/kafka")"
postgres="$(build postgres "$HERE/postgres.Dockerfile" "$HERE")"
mkdir -p "$ctx/registry"
cp -a "$BINARIES/apicurio" "$ctx/registry/apicurio"
registry="$(build registry "$HERE/registry.Dockerfile" "$ctx/registry")"

# Older stand-ins (another content hash) are never used again.
docker images --format '{{.Repository}}:{{.Tag}}' | grep '^orderflow-standin/' | grep -v ":$tag\$" | xargs -r docker image rm -f >/dev/null 2>&1 || true

echo "ORDERFLOW_BASE_IMAGE=$base"
echo "ORDERFLOW_KAFKA_IMAGE=$kafka"
echo "ORDERFLOW_POSTGRES_IMAGE=$postgres"
echo "ORDERFLOW_REGISTRY_IMAGE=$registry"
