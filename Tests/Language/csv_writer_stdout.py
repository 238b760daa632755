import csv
import sys
w = csv.writer(sys.stdout)
w.writerow(["name", "score", "note"])
w.writerow(["alice", 93.5, "plain"])
w.writerow(["bob", 7, "has,comma"])
w.writerow(["cid", None, 'has "quotes"'])
w.writerows([[1, 2], ["multi\nline", ""]])
t = csv.writer(sys.stdout, delimiter="\t")
t.writerow(["a", "b c", 3])
q = csv.writer(sys.stdout, quoting=csv.QUOTE_ALL) if hasattr(csv, "QUOTE_ALL") else w
w.writerow([" lead", "trail ", "semi;colon"])
