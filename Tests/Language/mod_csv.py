import csv
import sys
w = csv.writer(sys.stdout)
w.writerow(["name", "value", "note"])
w.writerow(["alpha", 1, "plain"])
w.writerow(["beta", 2.5, "has,comma"])
w.writerow(["gamma", None, 'has "quotes"'])
w.writerows([[1, 2], [3, 4]])
t = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
t.writerow(["a", "b c", "d"])
for row in csv.reader(["x,y,z", '1,"2,3",4', 'a,"b ""q""",c']):
    print(row)
