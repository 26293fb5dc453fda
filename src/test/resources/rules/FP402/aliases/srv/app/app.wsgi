import _thread as low
from threading import stack_size as set_stack
# 16 KiB: the pthread minimum, not Python's
# expect: FP402
low.stack_size(16 * 1024)
# one byte short
# expect: FP402
set_stack(0x7fff)
