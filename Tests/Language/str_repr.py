tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "back\\slash", "\x00\x1f\x7f",
         "unicode é ñ 日本", "\u200b zero width", "bell\a", "\r"]
for t in tests:
    print(repr(t))
print([tests[1], tests[2]])
print(repr(b"bytes\x00\xff'"), repr(b'"'), b"abc", bytes([104, 105]))
