if 1:
	if 1:
        pass
	  x = 1
