class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise E(7)
except E as e:
    print(e.code, e, repr(e), e.args)
raise E(9)
