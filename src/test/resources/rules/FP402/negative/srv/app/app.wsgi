import threading
# ValueError: size must be 0 or a positive value
# expect: FP402
threading.stack_size(-1)
