x=1
print(f"{x!r:>{10}}{x:{x}.{x}f}{f'{x:{x}}'}{{}}")
