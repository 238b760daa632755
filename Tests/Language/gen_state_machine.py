def tokenizer(text):
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield ("WORD", word)
                word = ""
            if not ch.isspace():
                yield ("PUNCT", ch)
    if word:
        yield ("WORD", word)

print(list(tokenizer("Hello, world! It's 42.")))

def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

rt = running_total()
next(rt)
for v in [5, 10, 20]:
    print(rt.send(v))
try:
    rt.send(None)
except StopIteration as e:
    print("final", e.value)
