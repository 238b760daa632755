# Selecting a list of columns where some or all are missing: pandas' KeyError messages (mfsh named only
# the first missing label).
import pandas as pd

df = pd.DataFrame({'score': [1.0, 2.0], 'epoch': [0, 1], 3: ['a', 'b']})
for key in [['score', 'nope'], ['nope', 'score', 'other'], ['x', 'nope'], [5, 6], ['score', 7], [3, 'score'], 'nope', 4]:
    try:
        print(df[key])
    except KeyError as e:
        print(repr(e))
indexed = pd.DataFrame({'score': [1.0, 2.0], 'epoch': [0, 1]}, index=['a', 'b'])
for f in [lambda: indexed.loc[:, ['score', 'nope']], lambda: indexed.loc[['a', 'z']], lambda: indexed.loc[['y', 'z']],
          lambda: indexed.loc['z'], lambda: indexed['score'][['a', 'q']], lambda: indexed['score'][['p', 'q']],
          lambda: indexed.loc['a', 'nope'], lambda: indexed.loc[['a', 'b'], ['epoch']]]:
    try:
        print(f())
    except KeyError as e:
        print(repr(e))
