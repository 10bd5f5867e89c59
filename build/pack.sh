#!/usr/bin/env bash
# Packs every package of the toolkit (WooshPay.Contracts, WooshPay.Contracts.Schemas, WooshPay.Contracts.Tool)
# with one version of their own, so a re-pack is never shadowed by an earlier copy in the NuGet cache.
#
#   build/pack.sh                 # -> ./artifacts, version <ToolkitVersion>-local.<UTC yyyyMMddHHmmss>
#   build/pack.sh -o DIR          # another output folder
#   build/pack.sh --version 1.2.3 # an explicit version (a release)
#
# The stamp is computed once here and handed to every project, because a stamp computed by each project's own
# evaluation could differ between WooshPay.Contracts.Schemas and the WooshPay.Contracts it depends on.
set -euo pipefail
cd "$(dirname "$0")/.."

output=./artifacts
version=
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--output) output="${2:?$1 needs a folder}"; shift 2 ;;
    --version) version="${2:?$1 needs a version}"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build/pack.sh: unknown argument '$1' (see build/pack.sh --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$version" ]; then
  base=$(sed -n 's:.*<ToolkitVersion>\(.*\)</ToolkitVersion>.*:\1:p' Directory.Build.props)
  version="$base-local.$(date -u +%Y%m%d%H%M%S)"
fi

dotnet pack Toolkit.sln -c Release -o "$output" -p:ToolkitVersion="$version"
echo "$version" > "$output/VERSION"
echo
echo "Packed version $version into $output (also written to $output/VERSION)."
