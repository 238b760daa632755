# exit and quit in a script are site.py's Quitter objects: their repr tells how to leave, a call
# raises SystemExit with the code given.
print(repr(exit))
print(quit)
print(str(exit))
print(type(exit).__name__, type(quit) is type(exit), callable(exit))
exit
for leave in (exit, quit):
    try:
        leave(3)
    except SystemExit as e:
        print("SystemExit", e.code, e.args)
    try:
        leave()
    except SystemExit as e:
        print("SystemExit", e.code, e.args)
try:
    quit("bye")
except SystemExit as e:
    print("SystemExit", repr(e.code))
# SystemExit.code: None, the one argument, or the arguments' tuple.
import sys
sys.exit
for args in ((), (0,), ("text",), (1, 2)):
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(args, repr(e.code))
