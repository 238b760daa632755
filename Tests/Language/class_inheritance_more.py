class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def kingdom():
        return "animalia"
    @property
    def upper(self):
        return self.name.upper()

class Dog(Animal):
    sound = "woof"
    def speak(self):
        return super().speak() + "!"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

p = Puppy("rex", 1)
print(p.speak(), Dog.create("fido").speak(), Animal.kingdom(), p.upper, p.age)
print(isinstance(p, Animal), issubclass(Puppy, Dog), [c.__name__ for c in Puppy.__mro__])
print(type(Dog.create("x")).__name__, Puppy.sound, Animal.sound)
class Mixin:
    def hello(self):
        return "mixin hello " + self.name
class Both(Mixin, Dog):
    pass
print(Both("b").hello(), Both("b").speak(), [c.__name__ for c in Both.__mro__])
