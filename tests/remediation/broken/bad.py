import os
url = f"https://{os.environ["X"]}@host"
x = (1 +
