TOKEN = "pul-<redacted>"
