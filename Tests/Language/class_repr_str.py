class Plain:
    pass
class WithStr:
    def __str__(self):
        return "custom str"
class WithRepr:
    def __repr__(self):
        return "WithRepr()"
class Both:
    def __str__(self):
        return "both-str"
    def __repr__(self):
        return "both-repr"
print(str(WithStr()), repr(WithRepr()), str(WithRepr()), str(Both()), repr(Both()))
print([WithRepr(), Both()], f"{Both()}", f"{Both()!r}", "%s %r" % (Both(), Both()))
print(type(Plain()).__name__, Plain.__name__, isinstance(Plain(), Plain), Plain.__module__)
