import json
data = {"name": "run", "tags": ["a", "b"], "count": 3, "ratio": 0.5, "ok": True, "none": None, "nested": {"x": [1, {"y": 2}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent=4))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps({}), json.dumps([]), json.dumps("é\n\"q\""))
print(json.dumps("é", ensure_ascii=False), json.dumps({1: "int key", 2.5: "f"}), json.dumps((1, 2)))
s = '{"a": [1, 2.5, -3e2, true, false, null], "b": "\\u00e9\\n", "c": {}}'
obj = json.loads(s)
print(obj, type(obj["a"][1]).__name__, obj["b"])
print(json.loads("123"), json.loads("[]"), json.loads(' "x" '), json.loads("1.0"), json.loads("-0"))
print(json.dumps(json.loads(json.dumps(data))) == json.dumps(data))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps(float("inf")), json.dumps(10 ** 20), json.dumps(1e100))
print(json.dumps({"k": [1, 2]}, indent="\t"))
