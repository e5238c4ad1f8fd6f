#!/usr/bin/env bash
# Copies the part of the French State's design system (DSFR, https://www.systeme-de-design.gouv.fr) that the council
# pages use into the query side's static resources. Run by hand when upgrading; the copy is committed, so neither the
# build nor the pages fetch anything from elsewhere. Needs npm (the registry's package @gouvfr/dsfr).
set -euo pipefail
VERSION=1.15.3
COMPONENTS="header footer badge table button input select form skiplink link notice logo translate breadcrumb"
cd "$(dirname "$0")/../.."
target=query-side/src/main/resources/static/dsfr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@gouvfr/dsfr@$VERSION" >/dev/null && tar xzf "gouvfr-dsfr-$VERSION.tgz")
dist="$work/package/dist"
rm -rf "$target"
mkdir -p "$target/core" "$target/component" "$target/fonts"
cp "$dist/core/core.min.css" "$target/core/"
for component in $COMPONENTS; do
    mkdir -p "$target/component/$component"
    cp "$dist/component/$component/$component.min.css" "$target/component/$component/"
done
cp "$dist"/fonts/Marianne-*.woff2 "$target/fonts/"
# the icons the copied styles name, and nothing else
grep -ho 'url(../../icons/[^)]*)' "$target"/component/*/*.css | sed -E 's#url\(../../(icons/[^)]*)\)#\1#' | sort -u |
    while read -r icon; do
        mkdir -p "$target/$(dirname "$icon")"
        cp "$dist/$icon" "$target/$icon"
    done
cp "$work/package/LICENSE.md" "$target/LICENSE.md"
echo "DSFR $VERSION ($COMPONENTS) copied into $target" | tee "$target/VERSION"
