TOKEN = "pul-<redacted>"
print(TOKEN.upper())
