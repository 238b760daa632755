z = -0.0
print(z, repr(z), z == 0.0, str(z), abs(z), -z, 0.0 * -1, -0.0 + 0.0, z * 0)
print(round(-0.4), round(-0.4, 1), int(-0.5), -0.0 // 1, 0.0 % -1, f"{z:.2f}", "%.1f" % z)
print(1 / float("inf") * -1, max(0.0, -0.0), min(0.0, -0.0))
