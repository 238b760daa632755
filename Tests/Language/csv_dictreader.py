import csv

r = csv.DictReader(["name,score", "alice,93", "bob,7"])
print("line_num before", r.line_num)
print("fieldnames", r.fieldnames)
print("line_num after header", r.line_num)
for row in r:
    print(row, r.line_num)

# short rows get restval, long rows put the rest under restkey, blank lines are skipped
r = csv.DictReader(["a,b,c", "1,2", "", "1,2,3,4,5", '"x,y",z,w'], restkey="more", restval="?")
print(list(r))
print(r.line_num)

r = csv.DictReader(["1,2,3", "4,5"], fieldnames=["x", "y"])
print(r.fieldnames)
print(list(r))

r = csv.DictReader(["a\tb\n", "1\t2\n"], delimiter="\t")
print(next(r))
try:
    next(r)
except StopIteration:
    print("StopIteration")
print(next(r, "done"))

empty = csv.DictReader([])
print(empty.fieldnames, list(empty))

print(list(csv.reader(["", "a", "\n", "b,"])))
