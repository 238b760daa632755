# Builtins that take "an integer" or "a real number" accept objects with __index__ / __float__ / __int__
# as CPython's do: %-formatting, sequence repetition, chr().
class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Real:
    def __float__(self):
        return 2.5


class Whole:
    def __int__(self):
        return 7


print('%d|%5.2f|%x|%o|%X' % (Idx(42), Real(), Idx(255), Idx(8), Idx(171)))
print('%d %i %u' % (Whole(), Whole(), Idx(3)), '%e' % Idx(2), '%.1f%%' % Idx(50))
print('ab' * Idx(3), Idx(2) * [0], (1,) * Idx(2), b'x' * Idx(2), chr(Idx(65)))
for bad in [lambda: '%d' % object(), lambda: '%d' % Real(), lambda: '%x' % Real(), lambda: 'ab' * Real(), lambda: chr(Real()), lambda: '%f' % 'a']:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
