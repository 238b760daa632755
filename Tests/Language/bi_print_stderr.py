import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("err", "parts", sep="+", end="|\n", file=sys.stderr)
sys.stdout.write("direct write\n")
sys.stderr.write("direct err\n")
print("done")
