import json
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("decode error:", e)
except ValueError as e:
    print("value error:", e)
for text in ['[1, 2', '{"a" 1}', '', '[1,]', '"abc', 'nul', '{"a": 1} x']:
    try:
        json.loads(text)
    except ValueError as e:
        print(type(e).__name__, e)
