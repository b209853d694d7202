import AllVET
print("allvet")
