print("mfsh")
