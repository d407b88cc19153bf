"""The innermost layer: immutable data and pure computation (model, problems, deadline grammar,
workdays, unit names, as-of standing). It imports nothing else of the package, reads no file and
no clock."""
