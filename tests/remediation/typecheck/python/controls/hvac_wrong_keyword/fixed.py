import os

import hvac

client = hvac.Client(addr=os.environ["VAULT_ADDR"], token=os.environ["VAULT_TOKEN"])
