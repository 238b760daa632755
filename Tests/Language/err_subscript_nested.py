data = {"a": {"b": [1, 2]}}
print(data["a"]["b"][5])
