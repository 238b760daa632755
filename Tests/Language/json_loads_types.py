import json
text = '{"a": 1, "b": 2.5, "c": "s\\u00e9", "d": [true, false, null], "e": {"x": -1e3}, "f": 12345678901234567890}'
v = json.loads(text)
print(v, type(v["a"]).__name__, type(v["b"]).__name__, type(v["e"]["x"]).__name__, v["f"] + 1)
print(json.loads("[]"), json.loads('"str"'), json.loads("3"), json.loads(" null "), json.loads("[1, [2, [3]]]"))
print(json.loads(json.dumps({"round": [1, "trip", None]})), json.loads('{"dup": 1, "dup": 2}'))
for bad in ["{", "[1,]", "{'a': 1}", "tru", ""]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
