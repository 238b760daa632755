import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.median([1, 3, 2]))
print(statistics.stdev(data), statistics.pstdev(data), statistics.variance(data))
print(statistics.mean([1.5, 2.5]), statistics.mean([1, 2]), statistics.median([1, 2, 3, 4]))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
