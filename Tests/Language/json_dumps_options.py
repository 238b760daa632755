import json
data = {"name": "mfs", "tags": ["a", "b"], "n": 1.5, "ok": True, "none": None, "nested": {"z": 1, "a": [1, {"k": "v"}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps([1, [2, []], {}], indent=1), json.dumps("é\n\"q\""), json.dumps("é", ensure_ascii=False))
print(json.dumps({1: "int key", 2.5: "f"}), json.dumps((1, 2)), json.dumps(float("inf")), json.dumps(10 ** 20))
