records = [
    {"name": "alpha", "scores": [90, 85, 77], "meta": {"team": "red"}},
    {"name": "beta", "scores": [60, 95], "meta": {"team": "blue"}},
    {"name": "gamma", "scores": [], "meta": {"team": "red"}},
]
for r in records:
    avg = sum(r["scores"]) / len(r["scores"]) if r["scores"] else 0
    print(f"{r['name']:<6} {avg:6.2f} {r['meta']['team']}")
by_team = {}
for r in records:
    by_team.setdefault(r["meta"]["team"], []).append(r["name"])
print(by_team)
best = max(records, key=lambda r: max(r["scores"], default=0))
print(best["name"], [len(r["scores"]) for r in records])
flat = [s for r in records for s in r["scores"]]
print(flat, sorted(flat)[len(flat) // 2])
