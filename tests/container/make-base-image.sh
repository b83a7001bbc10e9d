#!/usr/bin/env bash
# make-base-image.sh WORK_DIR: builds a local stand-in for debian:bookworm-slim, for machines that can
# reach Debian's package archive but no container registry.
#
# debootstraps a minbase bookworm from the host's own Debian mirror, trims it the way the official slim
# image is trimmed (no docs, man pages or locales; apt caches off; no recommends), commits it with buildah
# as localhost/debian:bookworm-slim and tags it docker.io/library/debian:bookworm-slim, so an unchanged
# `FROM debian:bookworm-slim` builds without a pull. Uses whatever container storage the caller's
# CONTAINERS_STORAGE_CONF names. Needs root, buildah and debootstrap. WORK_DIR holds scratch files only.
set -euo pipefail

work=${1:?usage: make-base-image.sh WORK_DIR}
tag=localhost/debian:bookworm-slim
rootfs=$work/base-rootfs
tarball=$work/base-rootfs.tar

# The first Debian archive URL in the host's apt sources (deb822 or one-line format).
debian_mirror() {
  local url
  url=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -m1 '/debian/\?$' || true)
  [ -n "$url" ] || url=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' | grep -m1 '/debian/\?$' || true)
  echo "${url:-http://deb.debian.org/debian}"
}

trim_like_slim() {
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/locale/*' \
    > "$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
  cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  echo 'Acquire::Languages "none";' > "$rootfs/etc/apt/apt.conf.d/docker-no-languages"
  echo 'APT::Install-Recommends "false"; APT::Install-Suggests "false";' \
    > "$rootfs/etc/apt/apt.conf.d/docker-no-recommends"
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$rootfs"/usr/share/{man,info,locale,groff,lintian}/* \
    "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/*
}

mkdir -p "$work"
rm -rf "$rootfs" "$tarball"
trap 'rm -rf "$rootfs" "$tarball"' EXIT
mirror=$(debian_mirror)
echo "make-base-image: debootstrap bookworm from $mirror" >&2
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# Builds inside the image use the host's Debian sources (updates and security included) when it has
# them in deb822 form, else the one mirror debootstrap used.
rm -f "$rootfs/etc/apt/sources.list"
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/debian.sources"
else
  echo "deb $mirror bookworm main" > "$rootfs/etc/apt/sources.list"
fi
trim_like_slim
tar --numeric-owner -C "$rootfs" -cf "$tarball" .

ctr=$(buildah from scratch)
buildah add "$ctr" "$tarball" / > /dev/null
buildah config --cmd '["bash"]' --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$ctr"
buildah commit -q --rm "$ctr" "$tag" > /dev/null
buildah tag "$tag" docker.io/library/debian:bookworm-slim
echo "make-base-image: committed $tag" >&2
