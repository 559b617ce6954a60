# Package marker (github.com/hvac/hvac hvac/api/__init__.py).
