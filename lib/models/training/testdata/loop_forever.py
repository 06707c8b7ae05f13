# A training script that never finishes: the sandbox's wall-clock limit must kill it.
import time

while True:
    time.sleep(0.1)
