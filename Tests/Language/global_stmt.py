counter = 0
def incr():
    global counter
    counter += 1
def set_new():
    global brand_new
    brand_new = "created"
incr(); incr()
set_new()
print(counter, brand_new)
def read_before_assign():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
read_before_assign()
