import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.median([3, 1, 2]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.pstdev(data), st.stdev(data), st.variance(data), st.pvariance(data))
print(st.mean([1.5, 2.5]), st.mean([1, 2]), st.fmean([1, 2, 3]), st.stdev([1.0, 2.0, 3.0, 4.0]))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
