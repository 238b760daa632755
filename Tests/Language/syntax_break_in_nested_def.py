while True:
    def g():
        break
    break
