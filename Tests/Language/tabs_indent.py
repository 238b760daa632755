def f(x):
	if x:
		return 'tab'
	return 'no'
print(f(1), f(0))
class T:
	def m(self):
		return 1
print(T().m())
