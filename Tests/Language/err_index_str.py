word = "mfs"
for i in range(5):
    print(word[i])
