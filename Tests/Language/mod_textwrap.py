# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper's options, as CPython lays text out.
import textwrap

text = ("The Metaflow client reads runs, steps and tasks; a well-known self-contained e-mail--style "
        "sentence follows. Is it done? Yes!  Tabs\there and\tthere, plus a supercalifragilisticexpialidocious-word "
        "and a very-long-hyphenated-compound-word-that-keeps-going.")
for width in [10, 20, 33, 70]:
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 30, drop_whitespace=False))
print(textwrap.wrap(text, 30, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap("a\tb\tc", 8, tabsize=4), textwrap.wrap("   leading and trailing   ", 10))
print(textwrap.wrap("End here. Next one! And? last.", 12, fix_sentence_endings=True))
print(textwrap.fill(text, 30, max_lines=3), textwrap.fill(text, 30, max_lines=2, placeholder=" ..."))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("x" * 25, 10), textwrap.wrap("--- ab--cd -x-", 4))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten(text, 50), textwrap.shorten(text, 50, placeholder=" (more)"), textwrap.shorten("short", 10))
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    # comment
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    x\n  y\n      z")), repr(textwrap.dedent("  \t a\n  \t b\n")))
print(repr(textwrap.dedent("no indent\n  but here")), repr(textwrap.dedent("   \n   a\r\n   b")))
print(repr(textwrap.indent("one\n\ntwo\n  three\n", "> ")), repr(textwrap.indent("a\r\nb\n", "+", lambda line: True)))
print(repr(textwrap.indent("x\ny", "  ", predicate=lambda l: l.startswith("y"))))
w = textwrap.TextWrapper(width=18, initial_indent="- ", subsequent_indent="  ")
print(w.wrap(text)[:4], w.width, w.placeholder)
w.width = 30
w.max_lines = 2
print(w.fill(text))
for call in [lambda: textwrap.wrap("abc", 0), lambda: textwrap.wrap("abc", width=5, foo=1), lambda: textwrap.shorten("a b c", 3),
             lambda: textwrap.TextWrapper(nope=1), lambda: textwrap.dedent(5), lambda: textwrap.shorten("x"),
             lambda: textwrap.wrap(text, 10, max_lines=1, placeholder="  [.........]")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
