def f(x):
	if x:
		return "tab-indented"
	return "no"
class C:
  def m(self):
      return "two then six"
print(f(1), f(0), C().m())
if True:
	if True:
		print("tabs only in this block")
    
print("done")
