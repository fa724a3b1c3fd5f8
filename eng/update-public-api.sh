#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt
# and drops every declared symbol that no longer exists (RS0017). Review the diff afterwards:
# each new line is a promise to users.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-src/MlValue/MlValue.csproj}
dir=$(dirname "$project")
log=$(mktemp)
dotnet build "$project" -c Release --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
python3 - "$log" "$dir/PublicAPI.Unshipped.txt" <<'PY'
import re, sys
log, path = sys.argv[1], sys.argv[2]
text = open(log, encoding='utf-8').read()
add = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
drop = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API", text))
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
head = [l for l in lines if l.startswith('#')] or ['#nullable enable']
body = {l for l in lines if l and not l.startswith('#')}
body = (body | add) - drop
open(path, 'w', encoding='utf-8').write('\n'.join(head + sorted(body, key=lambda s: s.lstrip('~').replace('static ', '').replace('const ', '').replace('override ', '').replace('abstract ', '').replace('virtual ', ''))) + '\n')
print(f"public API: +{len(add)} -{len(drop)} in {path}")
PY
rm -f "$log"
