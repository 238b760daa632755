# itertools: every function, laziness and how far each consumes its input.
import itertools
from itertools import count, cycle, repeat, islice, chain

print(list(islice(count(), 5)), list(islice(count(10, 2.5), 4)), list(islice(count(-1, -1), 3)))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(repeat("x", 3)), list(repeat(7, times=0)))
print(list(zip(range(3), repeat(None))))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(itertools.accumulate([], initial=0)))
print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])), list(itertools.pairwise("ABCD")), list(itertools.pairwise("A")))
print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest([1], [], [2, 3])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 9, 3)), list(islice([], 3)), list(islice("abc", None)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 2, 4)), next(it))

for k, g in itertools.groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = [(k, g) for k, g in itertools.groupby("aabbc")]
print([(k, list(g)) for k, g in groups])
g = itertools.groupby("xxyy")
k1, g1 = next(g)
print(k1, next(g1), next(g)[0], list(g1))

a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b), len(itertools.tee("ab", 3)), itertools.tee("ab", 0))
print(list(itertools.product("ab", range(2))), list(itertools.product([0, 1], repeat=3))[:4], list(itertools.product()))
print(list(itertools.product("ab", [])), len(list(itertools.product(range(4), repeat=4))))
print(list(itertools.permutations("ABC", 2)), list(itertools.permutations(range(3))), list(itertools.permutations("AB", 3)))
print(list(itertools.permutations([])), list(itertools.permutations("ABCD", 0)))
print(list(itertools.combinations("ABCD", 2)), list(itertools.combinations(range(4), 3)), list(itertools.combinations("AB", 3)))
print(list(itertools.combinations_with_replacement("ABC", 2)), list(itertools.combinations_with_replacement([], 0)), list(itertools.combinations_with_replacement([], 2)))
print(sum(1 for _ in itertools.permutations(range(6))), sum(1 for _ in itertools.combinations(range(10), 4)))
print(next(itertools.product(range(10 ** 6), repeat=6)))

lazy = chain([1], 5)
print(next(lazy))
calls = [
    lambda: next(lazy),
    lambda: count("a"),
    lambda: repeat(),
    lambda: islice([1], -1),
    lambda: islice([1], 0, 2, 0),
    lambda: islice([1], "a", 2),
    lambda: islice([1]),
    lambda: itertools.product([1], repeat=-1),
    lambda: itertools.combinations([1], -1),
    lambda: itertools.permutations([1], -2),
    lambda: itertools.tee([1], -1),
    lambda: itertools.cycle(5),
    lambda: itertools.zip_longest([1], fill=0),
    lambda: list(itertools.starmap(pow, [1])),
]
for i, call in enumerate(calls):
    try:
        print(i, call())
    except Exception as e:
        print(i, type(e).__name__, e)
