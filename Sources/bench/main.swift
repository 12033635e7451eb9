import BenchKit

print("bench: under construction")
