x = 1
None = 5
