f = Noneprint("a\tb\nc")
print('single \' \'quoted\'')
print("\x41\u00e9\U0001F600".encode("utf-8"))
print(r"raw \n stays", R"also raw \t")
print("""triple
qud ޔtring" rhee""")
print('''another

f(1)one''')
print("implicit" " concatenation" ' works')
print("line \
continued")
print("\N{LATIN SMALL LETTE1R E WITH ACUTE}", "\d", "\901")
