d = {"a": 1, "b": [10, 20]}
name = "World"
print(f"{d['a']} {d['b'][1]} {len(d)} {name.upper()} {name[::-1]}")
print(f"{'yes' if d['a'] else 'no'} {sum(x * 2 for x in d['b'])} {[i for i in range(3)]}")
print(f"{f'{name:>8}'!r} {f'{1 + 1}'}")
print(f"{{literal}} {{{name}}}")
print(f"{3 + 4 = }" if False else f"{(lambda v: v + 1)(2)}")
x = 5
print(f"{x:{'>'}{x}}", f"{x:0{x}d}", f"{'%.2f' % 2.5}")
print(f"""multi
{name}
line""")
