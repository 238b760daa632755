print({}.popitem())
