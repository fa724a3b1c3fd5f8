#!/usr/bin/env bash
# Proves the package split from the packed packages in artifacts/package (run after `dotnet pack`):
#  1. a fresh console project that references only MlValue.Core compiles and runs the README
#     quickstart (the README's own block, on the committed fixture);
#  2. a fresh console project that references only MlValue (the ML.NET-free logic) has none of
#     Microsoft.ML, Microsoft.Data.Sqlite or LightGBM among its transitive packages;
#  3. a fresh console project that references only MlValue.Abstractions (the seams) brings no
#     package at all: none of Microsoft.ML, Microsoft.Data.Sqlite, CsvHelper or MathNet.Numerics.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
packages="$repo/artifacts/package"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A stale copy of a package of the same version in the global cache would hide the new one.
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
for id in mlvalue mlvalue.core mlvalue.mlnet mlvalue.sqlite mlvalue.postgresql mlvalue.hangfire mlvalue.abstractions; do
  rm -rf "${cache:?}/$id/$version"
done

cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="mlvalue-local" value="$packages" />
  </packageSources>
</configuration>
XML
# An empty Directory.Build.props / Directory.Packages.props keeps the repository's out of the way.
printf '<Project />\n' >"$work/Directory.Build.props"
printf '<Project />\n' >"$work/Directory.Packages.props"

new_console() {
  local name=$1 package=$2
  mkdir -p "$work/$name"
  cat >"$work/$name/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package" Version="$version" />
  </ItemGroup>
</Project>
XML
}

# 1. MlValue.Core alone runs the README quickstart.
new_console quickstart MlValue.Core
python3 - "$repo/README.md" "$repo/eng/package-check/Harness.cs.txt" "$work/quickstart/Program.cs" <<'PY'
import re, sys
readme, harness, out = sys.argv[1:4]
text = open(readme, encoding='utf-8').read()
section = text[text.index('## Quickstart'):]
block = re.search(r"```csharp\n(.*?)\n```", section, re.S).group(1)
body = open(harness, encoding='utf-8').read()
indent = '    '
code = '\n'.join(indent + l if l else l for l in block.split('\n'))
open(out, 'w', encoding='utf-8').write(body.replace('    // QUICKSTART', code))
PY
dotnet build "$work/quickstart" -c Release -nologo -v quiet
dotnet run --project "$work/quickstart" -c Release --no-build -- "$repo/tests/Shared/Fixtures/spamassassin-sample.jsonl.gz"
echo "package check: MlValue.Core alone compiles and runs the README quickstart"

# 2. MlValue alone brings no ML.NET and no SQLite.
new_console logic MlValue
printf 'Console.WriteLine(typeof(MlValue.MlValueException).Assembly.GetName().Name);\n' >"$work/logic/Program.cs"
dotnet restore "$work/logic" -nologo -v quiet
listing=$(dotnet list "$work/logic" package --include-transitive)
for banned in Microsoft.ML Microsoft.Data.Sqlite LightGBM SQLitePCLRaw Hangfire; do
  if printf '%s\n' "$listing" | grep -q -E "> $banned(\.| )"; then
    printf '%s\n' "$listing" >&2
    echo "package check: a project referencing only MlValue brings $banned" >&2
    exit 1
  fi
done
echo "package check: MlValue alone brings none of Microsoft.ML, Microsoft.Data.Sqlite, LightGBM, Hangfire"

# 3. MlValue.Abstractions brings no package at all.
new_console seams MlValue.Abstractions
printf 'Console.WriteLine(typeof(MlValue.Training.ITrainer<>).Assembly.GetName().Name);\n' >"$work/seams/Program.cs"
dotnet restore "$work/seams" -nologo -v quiet
listing=$(dotnet list "$work/seams" package --include-transitive)
for banned in Microsoft.ML Microsoft.Data.Sqlite CsvHelper MathNet.Numerics Polly; do
  if printf '%s\n' "$listing" | grep -q -E "> $banned(\.| )"; then
    printf '%s\n' "$listing" >&2
    echo "package check: a project referencing only MlValue.Abstractions brings $banned" >&2
    exit 1
  fi
done
if printf '%s\n' "$listing" | grep -q "Transitive Package"; then
  printf '%s\n' "$listing" >&2
  echo "package check: MlValue.Abstractions must bring no package, but it brings the transitive packages above" >&2
  exit 1
fi
dotnet run --project "$work/seams" -nologo -v quiet
echo "package check: MlValue.Abstractions alone brings no package"

