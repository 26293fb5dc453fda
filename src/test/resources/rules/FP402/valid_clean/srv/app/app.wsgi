import os
import threading
threading.stack_size(512 * 1024)
threading.stack_size(32768)
threading.stack_size(0)
# not a literal: not guessed
threading.stack_size(int(os.environ.get('STACK', '0')))
# threading.stack_size(1) in a comment is not a call
print("threading.stack_size(1)")
